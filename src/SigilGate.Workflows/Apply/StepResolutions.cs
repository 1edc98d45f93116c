using SigilGate.Domain.Apply;
using SigilGate.Domain.Conflicts;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Apply;

/// <summary>
/// The decisions about kept losers (<see cref="ConflictResolution"/> trailers) that the commits of a
/// step record: the apply removes those losers from etcd with the step. The gate has held each to
/// the policy for its record. A step from nothing (a first apply, or an applied commit Git no longer
/// has) takes none: a decision of long ago could otherwise remove a loser kept since for the same content.
/// </summary>
public static class StepResolutions
{
    public static IReadOnlyList<ConflictResolution> Of(IRepositoryReader repository, CommitStep step)
    {
        if (step.BaseSha is null) return [];
        return repository.CommitsBetween(step.BaseSha, step.Commit.Sha)
            .SelectMany(commit => ConflictResolution.Read(commit.Message).Resolutions)
            .DistinctBy(resolution => (resolution.Record.Path, resolution.LoserId))
            .ToList();
    }

    /// <summary>
    /// The removals of the decided losers as writes of their own (removing one twice is harmless),
    /// less those the same writes keep again: a taken loser that lost once more stays kept.
    /// </summary>
    public static IReadOnlyList<string> KeysToRemove(IReadOnlyList<ConflictResolution> resolutions, KeyLayout keys, IEnumerable<string?> keptAgain) =>
        resolutions.Select(r => r.KeptKey(keys)).Except(keptAgain.OfType<string>(), StringComparer.Ordinal).ToList();

    public static IEnumerable<(IReadOnlyList<Guard> Guards, IReadOnlyList<Mutation> Mutations)> Removals(IReadOnlyList<string> keptKeys) =>
        keptKeys.Select(key => ((IReadOnlyList<Guard>)[], (IReadOnlyList<Mutation>)[new DeleteMutation(key)]));
}
