using SigilGate.Domain.Validation;

namespace SigilGate.Workflows.Ports;

/// <summary>
/// Where pre-receive keeps the <see cref="NodeIndex"/> of the last tree it judged, between pushes.
/// What it keeps is derived from Git alone: losing it costs one rebuild from the tree, never a
/// wrong verdict.
/// </summary>
public interface INodeIndexStore
{
    /// <summary>
    /// The index to judge a push on top of <paramref name="tip"/> from: the one proposed for
    /// <paramref name="tip"/> (<see cref="Propose"/>), which from then on is the one kept; else the
    /// one kept, of whatever commit; null when there is none or it cannot be read whole (missing,
    /// truncated, corrupt).
    /// </summary>
    NodeIndex? Load(string tip);

    /// <summary>Keeps <paramref name="index"/>, of a commit the branch holds, in place of the one kept, whole or not at all (several pushes may save at once).</summary>
    void Save(NodeIndex index);

    /// <summary>
    /// Keeps <paramref name="index"/>, of an accepted push's commit, beside the one kept. Git moves
    /// the branch only after pre-receive, and fails to when another push moved it first: a proposal
    /// is taken up only by a push on top of its commit, so a push that never lands cannot leave the
    /// index of a commit that is gone in place of one that is there.
    /// </summary>
    void Propose(NodeIndex index);
}
