using SigilGate.Domain.Git;
using SigilGate.Domain.Store;

namespace SigilGate.Domain.Apply;

/// <summary>What applying one commit did to etcd.</summary>
public sealed record StepReport(CommitInfo Commit, long Revision, AppliedRecords Records)
{
    public IReadOnlyList<string> KeysPut => Records.Put;

    public IReadOnlyList<string> KeysDeleted => Records.Deleted;

    public IReadOnlyList<RecordOutcome> Conflicts => Records.Conflicts;

    public IReadOnlyList<string> Skipped => Records.Skipped;

    /// <summary>Kept losers removed because a commit of the step recorded a decision about them (<c>sigil conflicts resolve</c>).</summary>
    public IReadOnlyList<string> Resolved { get; init; } = [];

    /// <summary>The receipt of a commit etcd holds as applied but whose own receipt was never written.</summary>
    public static string RecoveredReceipt(AppliedPointer pointer)
    {
        var time = pointer.Time is { } t ? $"{t.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}" : "unknown";
        return $"etcd-revision: {pointer.ModRevision}\napplied-at: {time}\nrecovered: etcd holds this commit as applied, but its receipt was not written (the apply stopped first, or a reconcile applied it); the keys put and deleted are not known\n";
    }

    /// <summary>The apply receipt kept as a git note on the commit (<c>git log --notes=sigil</c>).</summary>
    public string Receipt(KeyLayout keys, DateTimeOffset time)
    {
        var put = KeysPut;
        var deleted = KeysDeleted;
        var lines = new List<string>
        {
            $"etcd-revision: {Revision}",
            $"applied-at: {time.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}",
            $"put: {put.Count}",
            $"deleted: {deleted.Count}",
            $"conflicts: {Conflicts.Count}",
        };
        lines.AddRange(put.Select(k => "put " + k));
        lines.AddRange(deleted.Select(k => "delete " + k));
        lines.AddRange(Conflicts.Select(c => $"conflict {keys.Data(c.Target.Path.KeySuffix)} kept {c.KeptAt}"));
        lines.AddRange(Resolved.Select(k => $"resolved {k} removed"));
        return string.Join('\n', lines) + "\n";
    }
}
