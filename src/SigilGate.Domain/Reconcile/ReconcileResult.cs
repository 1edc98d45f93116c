namespace SigilGate.Domain.Reconcile;

/// <summary>How a reconcile ended, the last plan made, and the etcd revision after its last write.</summary>
public sealed record ReconcileResult(ReconcileOutcome Outcome, ReconcilePlan? Plan, long Revision);
