using SigilGate.Domain.Conflicts;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Git;
using SigilGate.Domain.Store;

namespace SigilGate.Domain.Status;

/// <summary>
/// What <c>sigil status</c> found. The Git side (<see cref="Tip"/>, <see cref="Mirrors"/>) is always
/// read; the etcd side (<see cref="Cluster"/>, <see cref="Drift"/>, <see cref="Kept"/>) is null when
/// etcd could not be read, and <see cref="EtcdProblem"/> says why.
/// </summary>
public sealed record StatusReport(
    string Branch,
    string Prefix,
    CommitInfo? Tip,
    LastMirrors Mirrors,
    DateTimeOffset Now,
    ClusterStatus? Cluster,
    DriftReport? Drift,
    IReadOnlyList<KeptConflict>? Kept,
    EtcdProblem? EtcdProblem = null)
{
    /// <summary>What needs the operator, in the order the lines show it; empty when all is applied and clean.</summary>
    public IReadOnlyList<string> Attention
    {
        get
        {
            var reasons = new List<string>();
            if (EtcdProblem is { } problem) reasons.Add(problem.Unreachable ? "etcd unreachable" : "etcd cannot be read");
            else if (Cluster is { HasLeader: false }) reasons.Add("etcd has no leader");
            if (Drift is { } drift)
            {
                if (drift.Snapshot.Lag.IsPending) reasons.Add(Counted(drift.Snapshot.Lag.Pending.Count, "pending commit"));
                if (!drift.InSync) reasons.Add(Counted(drift.Differences.Count, "drift difference"));
            }

            if (Kept is { Count: > 0 } kept) reasons.Add(Counted(kept.Count, "kept conflict"));
            return reasons;
        }
    }

    public bool Ok => Attention.Count == 0;

    internal static string Counted(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
