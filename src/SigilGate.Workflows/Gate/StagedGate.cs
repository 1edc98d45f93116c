using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Gate;

/// <summary>
/// pre-commit's verdict on a staged tree, at the cost of what changed since the last staged tree that
/// validated clean (kept in <paramref name="store"/>), as pre-receive judges a push on an accepted tip
/// (<see cref="ChangeValidation"/>, with the kept facts of the nodes). Since the kept tree had no
/// problem, the verdict and its messages are those of a validation of the whole staged tree, which is
/// what runs when nothing is kept.
/// </summary>
public sealed class StagedGate(IValidatedTreeStore store)
{
    // The staged tree has no commit: the node index names it by this.
    private const string Staged = "index";

    /// <summary>
    /// How far a clean staged tree may differ from the kept one and not replace it. Reading a few
    /// dozen changed files costs milliseconds; writing the kept tree of 100,000 records costs more
    /// than the whole check, so a series of small commits is judged against one kept tree.
    /// </summary>
    public const int KeptDifference = 64;

    public ValidationResult Check(TreeSnapshot staged)
    {
        ArgumentNullException.ThrowIfNull(staged);
        if (Load() is not { } known) return Whole(staged);

        var difference = known.Against(staged);
        NodeIndex? nodes = null;
        NodeIndex NodesOf(TreeReading read) => nodes = known.NodesWith(Staged, difference.Changed.Where(NodeFacts.IsNode)
            .Select(path => new KeyValuePair<string, NodeFacts?>(path, read.Nodes.GetValueOrDefault(path))));

        var result = ChangeValidation.Validate(difference.Changed, difference.Added, staged, paths => paths.Select(staged.Find).OfType<TreeFile>(), NodesOf);
        if (result.IsValid && difference.Changed.Count > KeptDifference) store.Save(ValidatedTree.Of(staged, nodes!.Nodes));
        return result;
    }

    private ValidationResult Whole(TreeSnapshot staged)
    {
        var result = TreeValidator.Validate(staged);
        if (result.IsValid) store.Save(ValidatedTree.Of(staged, result.Nodes));
        return result;
    }

    // A store that cannot be read is no worse than an empty one: the whole tree has the answer.
    private ValidatedTree? Load()
    {
        try
        {
            return store.Load();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
