using SigilGate.Domain.Drift;
using SigilGate.Domain.Store;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Reconcile;

/// <summary>
/// One key's part of a reconcile: the writes (guarded on the mod revisions read) and, when it
/// overwrites or deletes a value, where that value is kept (<see cref="KeptAt"/>).
/// </summary>
public sealed record ReconcileAction(
    ReconcileActionKind Kind,
    Difference Difference,
    string? Json,
    RecordVersion? Written,
    IReadOnlyList<Guard> Guards,
    IReadOnlyList<Mutation> Mutations,
    string? KeptAt = null)
{
    public string Key => Difference.Key;

    public static ReconcileAction LeftAlone(Difference difference) => new(ReconcileActionKind.LeaveAlone, difference, null, null, [], []);
}
