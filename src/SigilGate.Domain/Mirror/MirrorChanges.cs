namespace SigilGate.Domain.Mirror;

/// <summary>Tells created, updated and deleted apart for the pusher's lines, its commit message, and its JSON.</summary>
public static class MirrorChanges
{
    public static MirrorChange Of(MirrorOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Kind == MirrorOutcomeKind.Deleted || outcome.Files.Any(f => f.Path == outcome.Path.Path && f.Content is null)) return MirrorChange.Deleted;
        return outcome.Created ? MirrorChange.Created : MirrorChange.Updated;
    }

    public static string Name(MirrorChange change) => change switch
    {
        MirrorChange.Created => "created",
        MirrorChange.Deleted => "deleted",
        _ => "updated",
    };
}
