namespace SigilGate.Domain.Mirror;

/// <summary>The commit message of a node's push: what changed, and trailers naming the node and the etcd revision read.</summary>
public static class MirrorCommitMessage
{
    public const string NodeTrailer = "Sigil-Node";
    public const string RevisionTrailer = "Sigil-Etcd-Revision";

    public static string Build(string node, long revision, IReadOnlyList<MirrorOutcome> outcomes)
    {
        var changed = outcomes.Where(o => o.ChangesGit).ToList();
        var lines = new List<string>
        {
            $"{node}: mirror {(changed.Count == 1 ? changed[0].Path.Path : $"{changed.Count} records")} from etcd",
            "",
        };
        lines.AddRange(changed.Select(o => $"- {o.Path.Path}: {Describe(o)}"));
        lines.Add("");
        lines.Add($"{NodeTrailer}: {node}");
        lines.Add($"{RevisionTrailer}: {revision}");
        return string.Join('\n', lines) + "\n";
    }

    private static string Describe(MirrorOutcome outcome) => outcome.Kind switch
    {
        MirrorOutcomeKind.Deleted => "deleted",
        MirrorOutcomeKind.KeptLoser => "kept conflict loser copied from etcd",
        MirrorOutcomeKind.ConflictEtcdWon => "conflict, etcd's version won (Git's kept under .sigil/conflicts/)",
        MirrorOutcomeKind.ConflictGitWon => "conflict, Git's version won (etcd's kept under .sigil/conflicts/)",
        _ => MirrorChanges.Name(MirrorChanges.Of(outcome)),
    };
}
