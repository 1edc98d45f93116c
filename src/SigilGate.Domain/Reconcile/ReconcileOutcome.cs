namespace SigilGate.Domain.Reconcile;

/// <summary>How a reconcile ended.</summary>
public enum ReconcileOutcome
{
    /// <summary>etcd now holds the branch tip (keys left alone aside).</summary>
    Done,

    /// <summary>etcd already held the branch tip: nothing written.</summary>
    NothingToDo,

    /// <summary><c>--dry-run</c>: the plan was shown, nothing written.</summary>
    DryRun,

    /// <summary>The plan deletes more than <c>Sigil:MassDeleteShare</c> of the data keys and <c>--allow-mass-delete</c> was not given.</summary>
    MassDeleteRefused,

    /// <summary>The branch does not exist: there is nothing to make etcd equal to.</summary>
    NoBranch,
}
