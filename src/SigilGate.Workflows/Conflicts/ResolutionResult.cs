using SigilGate.Domain.Conflicts;
using SigilGate.Domain.Mirror;

namespace SigilGate.Workflows.Conflicts;

/// <summary>
/// How a <c>sigil conflicts resolve</c> ended: the commit that records the decision, whether the
/// hooks took it, and which kept losers etcd still holds afterwards (the apply removes them; some
/// remain when etcd could not be written and the apply is pending).
/// </summary>
public sealed record ResolutionResult(ResolutionPlan Plan, string CommitSha, PushOutcome Outcome, IReadOnlyList<string> StillKept)
{
    public bool Recorded => Outcome.Status == PushStatus.Accepted;

    public bool Applied => Recorded && StillKept.Count == 0;
}
