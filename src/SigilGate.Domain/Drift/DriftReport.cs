namespace SigilGate.Domain.Drift;

/// <summary>What a drift check found. <see cref="LedgerProblem"/> says why first-seen times could not be kept, if so.</summary>
public sealed record DriftReport(SyncSnapshot Snapshot, IReadOnlyList<AgedDifference> Differences, string? LedgerProblem = null)
{
    public bool InSync => Differences.Count == 0;

    public DateTimeOffset CheckedAt => Snapshot.Now;

    public int Count(DriftKind kind) => Differences.Count(d => d.Difference.Kind == kind);

    public long OldestAgeSeconds => Differences.Count == 0 ? 0 : Differences.Max(d => d.AgeSeconds);

    /// <summary>Records Git has at the tip (the size of what was compared).</summary>
    public int GitRecords => Snapshot.Git.Records.Count;
}
