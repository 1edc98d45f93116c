namespace SigilGate.Domain.Store;

/// <summary>An all-or-nothing write: every guard holds and every mutation is applied, or nothing is.</summary>
public sealed record Transaction(IReadOnlyList<Guard> Guards, IReadOnlyList<Mutation> Mutations)
{
    public int Size => Guards.Sum(g => g.Size) + Mutations.Sum(m => m.Size);
}
