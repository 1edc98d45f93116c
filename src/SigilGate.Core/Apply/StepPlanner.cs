using SigilGate.Core.Git;

namespace SigilGate.Core.Apply;

/// <summary>
/// Works out from Git alone what an apply does: the commits from the last applied one to the tip,
/// and each step's targets. One step can be planned ahead and is kept for when the apply reaches
/// it: post-receive plans the pushed commit while its first etcd call is still connecting.
/// </summary>
public sealed class StepPlanner(IRepositoryReader repository)
{
    private (CommitStep Step, CommitTargets Targets)? ahead;

    /// <summary>The commits still to apply to reach <paramref name="tipSha"/> from <paramref name="appliedSha"/> (null: nothing applied).</summary>
    public IReadOnlyList<CommitStep> PendingSteps(string? appliedSha, string tipSha)
    {
        if (appliedSha == tipSha) return [];
        var tip = repository.FindCommit(tipSha) ?? throw new InvalidOperationException($"commit {tipSha} not found");
        var applied = appliedSha is null ? null : repository.FindCommit(appliedSha);

        // Unknown or rewritten history: one step from what etcd last had (or from nothing) straight to the tip.
        if (applied is null || !repository.IsAncestor(applied.Sha, tipSha)) return [new CommitStep(applied?.Sha, tip)];

        var steps = new List<CommitStep>();
        var previous = applied.Sha;
        foreach (var commit in repository.FirstParentChain(applied.Sha, tipSha).Where(c => !repository.IsAncestor(c.Sha, applied.Sha)))
        {
            steps.Add(new CommitStep(previous, commit));
            previous = commit.Sha;
        }

        return steps;
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
