using SigilGate.Domain.Apply;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Records;
using SigilGate.Domain.Store;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Reconcile;

/// <summary>
/// Plans making etcd equal to the branch tip (Git wins). Pure. Every value it overwrites or deletes
/// is kept under <c>.sigil/conflicts/</c> (source <c>reconcile</c>), so a reconcile never loses data;
/// what it writes carries Git's version merged with etcd's, so the result has seen both.
/// </summary>
public static class ReconcilePlanner
{
    public const string Source = "reconcile";

    public static ReconcilePlan Plan(SyncSnapshot snapshot, bool force)
    {
        var actions = new List<ReconcileAction>();
        foreach (var difference in DriftComparison.Compare(snapshot))
        {
            switch (difference.Kind)
            {
                case DriftKind.ChangedInEtcd or DriftKind.MissingInEtcd or DriftKind.OnlyInEtcd:
                    actions.Add(Write(snapshot, difference));
                    break;
                case DriftKind.PendingNodeWrite:
                    actions.Add(force ? Write(snapshot, difference) : ReconcileAction.LeftAlone(difference));
                    break;
            }
        }

        return new ReconcilePlan(snapshot, actions);
    }

    private static ReconcileAction Write(SyncSnapshot snapshot, Difference difference)
    {
        var keys = snapshot.Keys;
        var suffix = difference.LedgerSuffix;
        var path = RecordPath.FromKeySuffix(suffix);
        var record = snapshot.Git.Records.GetValueOrDefault(suffix);
        var stored = snapshot.Stored(suffix);
        var etcdVersion = stored.CurrentVersion(path?.Core ?? Writers.Etcd, snapshot.Now);
        var written = Dominating(snapshot.Git.TipVersion(suffix), etcdVersion);

        var guards = new List<Guard> { new(keys.Data(suffix), stored.Data?.ModRevision ?? 0), new(keys.Version(suffix), stored.Meta?.ModRevision ?? 0) };
        var mutations = new List<Mutation> { record is null ? new DeleteMutation(keys.Data(suffix)) : new PutMutation(keys.Data(suffix), record.Json) };

        // A deleted record keeps its tombstone version; a key where no record can live has no version to keep.
        if (record is not null || path is not null) mutations.Add(new PutMutation(keys.Version(suffix), VersionJson.Write(written)));

        string? keptAt = null;
        if (stored.Data is { } overwritten)
        {
            keptAt = keys.Conflict(suffix, StoredRecord.Sha256Of(overwritten.Value));
            var kept = new ConflictRecord(keys.Data(suffix), overwritten.Value, etcdVersion!, written, Source, snapshot.Now);
            mutations.Add(new PutMutation(keptAt, kept.ToJson()));
        }

        var kind = record is null ? ReconcileActionKind.Delete : ReconcileActionKind.Put;
        return new ReconcileAction(kind, difference, record?.Json, written, guards, mutations, keptAt);
    }

    /// <summary>
    /// Git's version, having also seen etcd's. When Git's adds nothing etcd's has not seen (a forced
    /// overwrite of a node's newer write), the <c>git</c> counter moves by one so the result still replaces it.
    /// </summary>
    public static RecordVersion Dominating(RecordVersion git, RecordVersion? etcd)
    {
        if (etcd is null) return git;
        var vector = git.Vector.Merge(etcd.Vector);
        if (vector.CompareTo(etcd.Vector) != Causality.Dominates) vector = vector.Bump(Writers.Git);
        return git with { Vector = vector };
    }
}
