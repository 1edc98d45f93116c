using SigilGate.Domain.Store;

namespace SigilGate.Domain.Apply;

/// <summary>
/// Packs record outcomes into transactions that fit the server's limits, never splitting one
/// record's writes across two transactions (its data and version key must share a revision).
/// The closing writes (the applied-commit pointer) go into the last transaction.
/// </summary>
public static class TransactionBatcher
{
    public static IReadOnlyList<Transaction> Pack(IEnumerable<RecordOutcome> outcomes, StoreLimits limits, IReadOnlyList<Guard> closingGuards, IReadOnlyList<Mutation> closingMutations) =>
        PackWrites(outcomes.Select(o => (o.Guards, o.Mutations)), limits, closingGuards, closingMutations);

    /// <summary>The same for any groups of guarded writes that must stay together (reconcile, drift's first-seen times).</summary>
    public static IReadOnlyList<Transaction> PackWrites(IEnumerable<(IReadOnlyList<Guard> Guards, IReadOnlyList<Mutation> Mutations)> groups, StoreLimits limits, IReadOnlyList<Guard> closingGuards, IReadOnlyList<Mutation> closingMutations)
    {
        var batches = new List<Transaction>();
        var guards = new List<Guard>();
        var mutations = new List<Mutation>();
        var bytes = 0;

        foreach (var outcome in groups.Where(o => o.Mutations.Count > 0))
        {
            var size = outcome.Guards.Sum(g => g.Size) + outcome.Mutations.Sum(m => m.Size);
            var fits = guards.Count + outcome.Guards.Count <= limits.MaxOperations
                && mutations.Count + outcome.Mutations.Count <= limits.MaxOperations
                && bytes + size <= limits.MaxRequestBytes;
            if (!fits && mutations.Count > 0)
            {
                batches.Add(new Transaction(guards, mutations));
                (guards, mutations, bytes) = ([], [], 0);
            }

            guards.AddRange(outcome.Guards);
            mutations.AddRange(outcome.Mutations);
            bytes += size;
        }

        var closingFits = guards.Count + closingGuards.Count <= limits.MaxOperations
            && mutations.Count + closingMutations.Count <= limits.MaxOperations
            && bytes + closingMutations.Sum(m => m.Size) + closingGuards.Sum(g => g.Size) <= limits.MaxRequestBytes;
        if (!closingFits)
        {
            batches.Add(new Transaction(guards, mutations));
            (guards, mutations) = ([], []);
        }

        batches.Add(new Transaction([.. guards, .. closingGuards], [.. mutations, .. closingMutations]));
        return batches;
    }
}
