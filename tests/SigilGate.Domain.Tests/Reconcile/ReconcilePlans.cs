using SigilGate.Domain.Reconcile;
using SigilGate.Domain.Tests.Drift;

namespace SigilGate.Domain.Tests.Reconcile;

/// <summary>Plans the reconcile specs print: one of each kind of change, and a pending node write left alone.</summary>
internal static class ReconcilePlans
{
    public const string Down = "{\"grpc_path\":\"/sigil.Gate/Route\",\"last_seen\":\"2026-11-23T10:04:00Z\",\"status\":\"down\"}";

    /// <summary>network.yaml changed in etcd, core-1 missing there, a stray e-9, and core-1's write of e-7's state not yet in Git.</summary>
    public static ReconcilePlan Mixed() => ReconcilePlanner.Plan(
        new SnapshotBuilder().AppliedToEtcd()
            .Put("/sigil/network", "{\"name\":\"other\"}")
            .Put("/sigil/nodes/entry/e-9", "{}")
            .Delete("/sigil/nodes/core/core-1")
            .Put("/sigil/state/core-1/entries/e-7", Down)
            .Build(),
        force: false);
}
