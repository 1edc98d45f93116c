namespace SigilGate.Domain.Drift;

/// <summary>The names of the kinds of difference, as output, metrics labels and etcd keys carry them.</summary>
public static class DriftKinds
{
    /// <summary>Every kind, in the order reports and metrics list them (ordinal by name).</summary>
    public static IReadOnlyList<DriftKind> All { get; } =
        [DriftKind.ApplyPending, DriftKind.ChangedInEtcd, DriftKind.ConflictLoser, DriftKind.MissingInEtcd, DriftKind.OnlyInEtcd, DriftKind.PendingNodeWrite];

    public static string Name(DriftKind kind) => kind switch
    {
        DriftKind.ApplyPending => "apply-pending",
        DriftKind.ChangedInEtcd => "changed-in-etcd",
        DriftKind.MissingInEtcd => "missing-in-etcd",
        DriftKind.OnlyInEtcd => "only-in-etcd",
        DriftKind.PendingNodeWrite => "pending-node-write",
        DriftKind.ConflictLoser => "conflict-loser",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
