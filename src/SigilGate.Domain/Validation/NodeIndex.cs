using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Validation;

/// <summary>
/// The facts of every Core and Entry node of one commit's tree, by path: what lets a push be
/// judged by what it changes, since the nodes sharing a written node's address, or naming a
/// deleted Core, are looked up here instead of read. It describes exactly <see cref="Commit"/>:
/// a table of nodes as kept (<see cref="Kept"/>) with the changes made since (<see cref="With"/>).
/// </summary>
public sealed class NodeIndex
{
    // Changed paths since the kept table: their facts, or null for a path the commit no longer holds.
    private readonly Dictionary<string, NodeFacts?> _changes;

    private NodeIndex(string commit, INodeTable kept, Dictionary<string, NodeFacts?> changes)
    {
        Commit = commit;
        Table = kept;
        _changes = changes;
    }

    /// <summary>The commit whose tree this describes.</summary>
    public string Commit { get; }

    /// <summary>The nodes as kept, before <see cref="Changes"/>.</summary>
    public INodeTable Table { get; }

    /// <summary>The node paths changed since <see cref="Table"/>, with their facts (null: deleted).</summary>
    public IReadOnlyDictionary<string, NodeFacts?> Changes => _changes;

    /// <summary>Every node path with its facts (in no particular order).</summary>
    public IEnumerable<KeyValuePair<string, NodeFacts>> Nodes =>
        Table.Nodes.Where(node => !_changes.ContainsKey(node.Key))
            .Concat(_changes.Where(change => change.Value is not null).Select(change => new KeyValuePair<string, NodeFacts>(change.Key, change.Value!)));

    /// <summary>The index of a tree whose node files are <paramref name="nodes"/> (path and facts).</summary>
    public static NodeIndex Of(string commit, IEnumerable<KeyValuePair<string, NodeFacts>> nodes)
    {
        var map = new Dictionary<string, NodeFacts>(StringComparer.Ordinal);
        foreach (var (path, facts) in nodes)
        {
            if (!NodeFacts.IsNode(path)) throw new ArgumentException($"{path} is not a node file", nameof(nodes));
            map[path] = facts;
        }

        return Kept(commit, new NodeTable(map));
    }

    /// <summary>The index of <paramref name="commit"/> whose nodes a store keeps in <paramref name="table"/>.</summary>
    public static NodeIndex Kept(string commit, INodeTable table) => new(commit, table, new Dictionary<string, NodeFacts?>(StringComparer.Ordinal));

    /// <summary>The index of a tree, read from its node files (other files are left out); a large tree is parsed on every core.</summary>
    public static NodeIndex Read(string commit, IEnumerable<TreeFile> files) =>
        Of(commit, ReadFacts(files.Where(file => NodeFacts.IsNode(file.Path)).ToArray()));

    /// <summary>Each file's path and facts; a large list is parsed on every core while its contents are read (<see cref="FilesInParallel"/>).</summary>
    public static KeyValuePair<string, NodeFacts>[] ReadFacts(IReadOnlyList<TreeFile> files)
    {
        var facts = new KeyValuePair<string, NodeFacts>[files.Count];
        FilesInParallel.For(files, i => facts[i] = new(files[i].Path, NodeFacts.Read(files[i])));
        return facts;
    }

    public NodeFacts? Find(string path) => _changes.TryGetValue(path, out var changed) ? changed : Table.Find(path);

    /// <summary>
    /// The index of <paramref name="commit"/>, whose tree differs from this one's in <paramref name="changes"/>
    /// only: each changed node path with its new facts, or null when the commit does not hold it.
    /// Paths that are not node files are ignored.
    /// </summary>
    public NodeIndex With(string commit, IEnumerable<KeyValuePair<string, NodeFacts?>> changes)
    {
        var merged = new Dictionary<string, NodeFacts?>(_changes, StringComparer.Ordinal);
        foreach (var (path, facts) in changes)
        {
            if (NodeFacts.IsNode(path)) merged[path] = facts;
        }

        return new NodeIndex(commit, Table, merged);
    }

    /// <summary>
    /// The node paths whose address is one of <paramref name="addresses"/>, and the Entry paths that
    /// name one of <paramref name="cores"/>: looked up, with nothing read.
    /// </summary>
    public IReadOnlySet<string> Holding(IReadOnlySet<string> addresses, IReadOnlySet<string> cores)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (addresses.Count == 0 && cores.Count == 0) return found;
        found.UnionWith(Table.Holding(addresses, cores).Where(path => !_changes.ContainsKey(path)));
        foreach (var (path, facts) in _changes)
        {
            if (facts is not null && ((facts.Address is { } address && addresses.Contains(address)) || (facts.Core is { } core && cores.Contains(core)))) found.Add(path);
        }

        return found;
    }
}
