using SigilGate.Domain.Git;
using SigilGate.Domain.Validation;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Gate;

/// <summary>
/// Gives pre-receive the <see cref="NodeIndex"/> of a pushed tree at the cost of what changed: the
/// index kept for an earlier commit is brought to the branch tip from the diff between the two
/// (the changed node files read), then to the pushed commit from the push's own diff. An index that
/// is missing, unreadable, or whose commit Git cannot compare with the tip is rebuilt from the tip's
/// tree. Whatever is kept, the index used always describes exactly the tree it is used for.
/// </summary>
public sealed class NodeIndexKeeper(IRepositoryReader repository, INodeIndexStore store)
{
    private static readonly string[] NodeFolders = ["nodes/core", "nodes/entry"];

    /// <summary>A store that keeps nothing: every push rebuilds the index from the tip's tree.</summary>
    public static INodeIndexStore NoStore { get; } = new NoNodeIndexStore();

    // The tip's index when it had to be made (rebuilt or brought up to date), and the pushed one.
    private NodeIndex? _madeForTip;
    private NodeIndex? _pushed;

    /// <summary>The index of <paramref name="pushed"/>, a push on top of the branch tip <paramref name="tip"/>.</summary>
    /// <param name="changed">The paths that differ between <paramref name="tip"/> and <paramref name="pushed"/>.</param>
    /// <param name="changedNodes">
    /// The facts of the changed node files that <paramref name="pushed"/> holds, read as the validation reads
    /// them (<see cref="TreeReading.Nodes"/>); a changed node path without facts here is one it does not hold.
    /// </param>
    public NodeIndex Pushed(string tip, string pushed, IReadOnlyList<string> changed, IReadOnlyDictionary<string, NodeFacts> changedNodes)
    {
        _pushed = AtTip(tip).With(pushed, ChangedFacts(changed, changedNodes));
        return _pushed;
    }

    /// <summary>The index of a pushed tree that was read whole (a first push): its nodes as the validation read them.</summary>
    public void Read(string pushedSha, IReadOnlyDictionary<string, NodeFacts> nodes) => _pushed = NodeIndex.Of(pushedSha, nodes);

    /// <summary>
    /// Keeps the tip's index when it had to be made, and proposes the pushed commit's when the push is
    /// accepted (the next push on top of it starts from it). Git moves the branch after pre-receive
    /// and fails to when another push moved it first (pushes at the same time are each judged on the
    /// same tip): kept in place of the tip's, the index of a commit that never landed would make the
    /// next push rebuild it from every node of the tip.
    /// </summary>
    public void Keep(bool accepted)
    {
        if (_madeForTip is not null) store.Save(_madeForTip);
        if (accepted && _pushed is not null) store.Propose(_pushed);
    }

    private NodeIndex AtTip(string tip)
    {
        var kept = Load(tip);
        if (kept?.Commit == tip) return kept;
        _madeForTip = kept is null ? null : BroughtUpToDate(kept, tip);
        _madeForTip ??= Rebuilt(tip);
        return _madeForTip;
    }

    // A store that cannot be read is no worse than an empty one: the tip's tree has the answer.
    private NodeIndex? Load(string tip)
    {
        try
        {
            return store.Load(tip);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The kept index moved to <paramref name="tip"/> by the diff of the two commits, or null when Git cannot diff them (the kept commit is gone).</summary>
    private NodeIndex? BroughtUpToDate(NodeIndex kept, string tip)
    {
        try
        {
            if (repository.FindCommit(kept.Commit) is null) return null;
            var changed = repository.ChangedPaths(kept.Commit, tip);
            var nodes = repository.Files(tip, changed.Where(NodeFacts.IsNode)).Files.ToArray();
            var held = NodeIndex.ReadFacts(nodes).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
            return kept.With(tip, ChangedFacts(changed, held));
        }
        catch (Exception e) when (e is GitReadException or UnreadableCommitException)
        {
            return null;
        }
    }

    private NodeIndex Rebuilt(string tip)
    {
        var paths = NodeFolders.SelectMany(folder => repository.ListFolder(tip, folder).Files).Select(file => file.Path).Where(NodeFacts.IsNode);
        return NodeIndex.Read(tip, repository.Files(tip, paths).Files);
    }

    /// <summary>Each changed node path with its facts in the newer tree (<paramref name="held"/>: the facts of the changed nodes it holds), or null when that tree does not hold it.</summary>
    private static IEnumerable<KeyValuePair<string, NodeFacts?>> ChangedFacts(IEnumerable<string> changed, IReadOnlyDictionary<string, NodeFacts> held) =>
        changed.Where(NodeFacts.IsNode).Select(path => new KeyValuePair<string, NodeFacts?>(path, held.GetValueOrDefault(path)));
}
