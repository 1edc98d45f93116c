namespace SigilGate.Domain.Reconcile;

/// <summary>What reconcile does to one data key.</summary>
public enum ReconcileActionKind
{
    /// <summary>Writes Git's value (the key differs or is missing).</summary>
    Put,

    /// <summary>Deletes a data key Git does not have (one exact key, never a range) and writes its tombstone version.</summary>
    Delete,

    /// <summary>A Core node's change not yet mirrored to Git, left alone (without <c>--force</c>).</summary>
    LeaveAlone,
}
