using SigilGate.Domain.Apply;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Apply;

/// <summary>
/// Works out from Git alone what an apply does: one step from the commit etcd was last synced to
/// straight to the tip, whatever lies between. The gate validated the tip, not the commits on the
/// way (a merge's first parent may be an operator's commit on an old main; a series may only be
/// valid as a whole), so etcd goes from what it held to the tip, and every decision "has Git seen
/// etcd's value?" is made against what etcd was synced to. The step can be planned ahead and is
/// kept for when the apply reaches it: post-receive plans it while its first etcd call is still
/// connecting.
/// </summary>
public sealed class StepPlanner(IRepositoryReader repository)
{
    private (CommitStep Step, CommitTargets Targets)? ahead;

    /// <summary>
    /// The step still to apply to reach <paramref name="tipSha"/> from <paramref name="appliedSha"/>
    /// (null: nothing applied): none when etcd holds the tip, else exactly one.
    /// </summary>
    public IReadOnlyList<CommitStep> PendingSteps(string? appliedSha, string tipSha)
    {
        if (appliedSha == tipSha) return [];
        var tip = repository.FindCommit(tipSha) ?? throw new InvalidOperationException($"commit {tipSha} not found");

        // An applied commit Git no longer has (a history rewritten elsewhere) counts as nothing applied.
        var applied = appliedSha is null ? null : repository.FindCommit(appliedSha);
        return [new CommitStep(applied?.Sha, tip)];
    }

    /// <summary>
    /// Plans the first step from <paramref name="likelyAppliedSha"/>, what etcd most likely holds,
    /// to the tip. The plan serves only that very step (same base, same commit): if etcd holds
    /// something else, every other step is read as it comes.
    /// </summary>
    public void PlanAhead(string? likelyAppliedSha, string tipSha)
    {
        var first = PendingSteps(likelyAppliedSha, tipSha).FirstOrDefault();
        ahead = first is null ? null : (first, CommitTargets.For(repository, first));
    }

    public CommitTargets TargetsOf(CommitStep step) =>
        ahead is { } planned && planned.Step.BaseSha == step.BaseSha && planned.Step.Commit.Sha == step.Commit.Sha
            ? planned.Targets
            : CommitTargets.For(repository, step);
}
