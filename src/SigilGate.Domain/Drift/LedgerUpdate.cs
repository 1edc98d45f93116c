using SigilGate.Domain.Store;

namespace SigilGate.Domain.Drift;

/// <summary>The differences with their ages, and the guarded writes that bring the first-seen keys up to date.</summary>
public sealed record LedgerUpdate(IReadOnlyList<AgedDifference> Aged, IReadOnlyList<(IReadOnlyList<Guard> Guards, IReadOnlyList<Mutation> Mutations)> Writes);
