namespace SigilGate.Testing.Model;

/// <summary>
/// A person deciding about a kept conflict loser with <c>sigil conflicts resolve</c>, as an
/// operator: keeps the winner (the loser is discarded) or takes the loser (etcd's value is
/// discarded). The decision must be recorded and applied; what it discards is the only value
/// allowed to go without a trace.
/// </summary>
public static class ConflictDecisions
{
    private const string KeptRoot = ModelRecords.Prefix + "/.sigil/conflicts/";

    public static async Task ResolveAsync(ModelContext model)
    {
        var (keys, _) = await model.World.ReadEtcdAsync().ConfigureAwait(false);
        var kept = keys.Where(k => k.Key.StartsWith(KeptRoot, StringComparison.Ordinal)).OrderBy(k => k.Key, StringComparer.Ordinal).ToList();
        if (kept.Count == 0)
        {
            model.Log.Line("  resolve: no kept loser");
            return;
        }

        var (key, document) = model.Pick(kept);
        var loser = ModelSnapshot.KeptValue(document) ?? throw new InvalidOperationException($"kept loser {key} does not read as one: {document}");
        var current = new RecordValue(loser.Path, keys.GetValueOrDefault(RecordFiles.KeyOf(loser.Path)));
        var take = model.Random.Next(2) == 0;
        var identity = model.Identity();
        var id = key[(key.LastIndexOf('/') + 1)..];
        model.Log.Line($"  resolve: {identity} {(take ? "takes" : "discards")} kept loser {id} of {loser.Path}");

        var bare = model.World.Bare;
        var result = await Processes.RunAsync(
            Path.Combine(bare.Binaries, "sigil"),
            ["conflicts", "resolve", "--repo", bare.Path, loser.Path, take ? "--take-loser" : "--keep-winner", "--loser", id],
            bare.Path,
            model.World.Environment.With(("SIGIL_IDENTITY", identity))).ConfigureAwait(false);
        model.Log.Line($"  sigil conflicts resolve: exit {result.ExitCode}");
        if (result.ExitCode != 0 && result.StandardError.Contains("the decision was not recorded", StringComparison.Ordinal))
        {
            // The gate may refuse a decision (a loser naming an Entry since deleted is no valid record
            // to take); nothing changed, and the invariants check that the loser is still kept.
            model.Log.Line("  refused: " + result.StandardError.Split('\n')[0]);
            return;
        }

        if (result.ExitCode != 0) throw new InvalidOperationException($"sigil conflicts resolve of {loser.Path} failed: {result}");

        if (take)
        {
            model.Ledger.Discard(current);
            model.Ledger.Write(loser, [current], $"{identity}'s decision to take the kept loser at step {model.Log.Step}");
        }
        else
        {
            model.Ledger.Discard(loser);
        }
    }
}
