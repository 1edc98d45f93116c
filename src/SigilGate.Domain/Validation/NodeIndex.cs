using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Validation;

/// <summary>
/// The facts of every Core and Entry node of one commit's tree, by path: what lets a push be
/// judged by what it changes, since the nodes sharing a written node's address, or naming a
/// deleted Core, are looked up here instead of read. It describes exactly <see cref="Commit"/>;
/// the caller keeps it up to date with the commits it is used for (see <see cref="With"/>).
/// </summary>
public sealed class NodeIndex
{
    private readonly Dictionary<string, NodeFacts> _nodes;

    private NodeIndex(string commit, Dictionary<string, NodeFacts> nodes)
    {
        Commit = commit;
        _nodes = nodes;
    }

    /// <summary>The commit whose tree this describes.</summary>
    public string Commit { get; }

    public int Count => _nodes.Count;

    /// <summary>Every node path with its facts (in no particular order).</summary>
    public IEnumerable<KeyValuePair<string, NodeFacts>> Nodes => _nodes;

    /// <summary>The index of a tree whose node files are <paramref name="nodes"/> (path and facts).</summary>
    public static NodeIndex Of(string commit, IEnumerable<KeyValuePair<string, NodeFacts>> nodes)
    {
        var map = new Dictionary<string, NodeFacts>(StringComparer.Ordinal);
        foreach (var (path, facts) in nodes)
        {
            if (!NodeFacts.IsNode(path)) throw new ArgumentException($"{path} is not a node file", nameof(nodes));
            map[path] = facts;
        }

        return new NodeIndex(commit, map);
    }

    /// <summary>The index of a tree, read from its node files (other files are left out); a large tree is parsed on every core.</summary>
    public static NodeIndex Read(string commit, IEnumerable<TreeFile> files) =>
        Of(commit, ReadFacts(files.Where(file => NodeFacts.IsNode(file.Path)).ToArray()));

    /// <summary>Each file's path and facts; contents are read first on the calling thread (a repository is read on one).</summary>
    public static KeyValuePair<string, NodeFacts>[] ReadFacts(IReadOnlyList<TreeFile> files)
    {
        foreach (var file in files) _ = file.Content;
        var facts = new KeyValuePair<string, NodeFacts>[files.Count];
        Parallel.For(0, files.Count, i => facts[i] = new(files[i].Path, NodeFacts.Read(files[i])));
        return facts;
    }

    public NodeFacts? Find(string path) => _nodes.GetValueOrDefault(path);

    /// <summary>
    /// The index of <paramref name="commit"/>, whose tree differs from this one's in <paramref name="changes"/>
    /// only: each changed node path with its new facts, or null when the commit does not hold it.
    /// Paths that are not node files are ignored.
    /// </summary>
    public NodeIndex With(string commit, IEnumerable<KeyValuePair<string, NodeFacts?>> changes)
    {
        var map = new Dictionary<string, NodeFacts>(_nodes, StringComparer.Ordinal);
        foreach (var (path, facts) in changes)
        {
            if (!NodeFacts.IsNode(path)) continue;
            if (facts is null) map.Remove(path);
            else map[path] = facts;
        }

        return new NodeIndex(commit, map);
    }

    /// <summary>
    /// The node paths whose address is one of <paramref name="addresses"/>, and the Entry paths that
    /// name one of <paramref name="cores"/>. One pass over the index: a hash lookup per node, with
    /// nothing read.
    /// </summary>
    public IReadOnlySet<string> Holding(IReadOnlySet<string> addresses, IReadOnlySet<string> cores)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (addresses.Count == 0 && cores.Count == 0) return found;
        foreach (var (path, facts) in _nodes)
        {
            if ((facts.Address is { } address && addresses.Contains(address)) || (facts.Core is { } core && cores.Contains(core))) found.Add(path);
        }

        return found;
    }
}
