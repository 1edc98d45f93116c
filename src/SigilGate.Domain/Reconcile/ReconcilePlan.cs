using SigilGate.Domain.Drift;
using SigilGate.Domain.Git;

namespace SigilGate.Domain.Reconcile;

/// <summary>Everything a reconcile would do, computed from one snapshot; a value, printed by a dry run and executed otherwise.</summary>
public sealed record ReconcilePlan(SyncSnapshot Snapshot, IReadOnlyList<ReconcileAction> Actions)
{
    public CommitInfo Tip => Snapshot.Git.Tip ?? throw new InvalidOperationException("a reconcile plan needs a branch tip");

    /// <summary>The actions that write (puts and deletes), in key order.</summary>
    public IReadOnlyList<ReconcileAction> Changes => Actions.Where(a => a.Kind != ReconcileActionKind.LeaveAlone).ToList();

    public IReadOnlyList<ReconcileAction> LeftAlone => Actions.Where(a => a.Kind == ReconcileActionKind.LeaveAlone).ToList();

    public int Puts => Actions.Count(a => a.Kind == ReconcileActionKind.Put);

    public int Deletes => Actions.Count(a => a.Kind == ReconcileActionKind.Delete);

    public int Kept => Actions.Count(a => a.KeptAt is not null);

    /// <summary>Data keys etcd holds now (what the mass-delete guard measures against).</summary>
    public int DataKeys => Snapshot.DataKeys.Count();

    public double DeleteShare => DataKeys == 0 ? 0 : (double)Deletes / DataKeys;

    /// <summary>True when the plan deletes more than <paramref name="share"/> of the data keys (<c>Sigil:MassDeleteShare</c>).</summary>
    public bool DeletesMoreThan(double share) => Deletes > 0 && DeleteShare > share;

    /// <summary>The applied pointer is not at the tip yet (it moves with the last transaction).</summary>
    public bool MovesPointer => Snapshot.Lag.Pointer.Commit != Tip.Sha;

    public bool IsNothingToDo => Changes.Count == 0 && !MovesPointer;
}
