namespace SigilGate.Domain.Reconcile;

/// <summary>The flags of <c>sigil reconcile</c> and the <c>Sigil:MassDeleteShare</c> setting.</summary>
public sealed record ReconcileOptions(bool DryRun = false, bool Force = false, bool AllowMassDelete = false, double MassDeleteShare = 0.5);
