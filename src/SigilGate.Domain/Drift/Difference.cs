using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Drift;

/// <summary>
/// One difference between etcd and the branch tip. <see cref="Key"/> is the etcd key it is about;
/// <see cref="Path"/> the repository path of its record (null when no record lives at that key,
/// and for <see cref="DriftKind.ApplyPending"/>); <see cref="LedgerSuffix"/> names it under
/// <c>.sigil/drift/&lt;kind&gt;/</c>, where its first-seen time is kept.
/// </summary>
public sealed record Difference(DriftKind Kind, string Key, string? Path, string LedgerSuffix)
{
    /// <summary>The version Git's side was compared with (for a pending node write: the one etcd's has seen).</summary>
    public RecordVersion? GitVersion { get; init; }

    /// <summary>The version of what etcd holds now (a write made outside the suite counts as a change by its writer).</summary>
    public RecordVersion? EtcdVersion { get; init; }

    /// <summary>A commit not yet applied changes this record: the difference is expected until the apply runs.</summary>
    public bool CoveredByPendingApply { get; init; }

    /// <summary>When the difference arose, if the data says so (a kept conflict's detection time); else it dates from when drift first saw it.</summary>
    public DateTimeOffset? KnownSince { get; init; }

    /// <summary>For a pending node write: the Core node whose <c>sigil push</c> mirrors it.</summary>
    public string? Core { get; init; }

    /// <summary>For a kept conflict loser: where it came from (<c>etcd</c>, <c>git commit …</c>, <c>reconcile</c>).</summary>
    public string? Source { get; init; }

    /// <summary>For <see cref="DriftKind.ApplyPending"/>: the oldest commit not yet applied.</summary>
    public string? PendingCommit { get; init; }

    /// <summary>For <see cref="DriftKind.ApplyPending"/>: how many commits of the branch are not yet applied.</summary>
    public int CommitsBehind { get; init; }

    /// <summary>What a line of output names: the repository path, else the etcd key.</summary>
    public string Subject => Path ?? Key;
}
