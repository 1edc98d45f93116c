using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Validation;

/// <summary>
/// A tree that a validation of the whole tree found free of problems, described by each file's
/// <see cref="FileStamp"/> and the facts of its nodes. A tree that differs from it in a few files can
/// then be judged by those files and what the rules spanning files need beside them, exactly as a
/// validation of the whole tree would judge it: pre-commit keeps the last staged tree that validated,
/// and the next commit's staged tree differs from it by what the operator changed.
/// </summary>
public sealed class ValidatedTree(IReadOnlyDictionary<string, FileStamp> files, IReadOnlyDictionary<string, NodeFacts> nodes)
{
    /// <summary>Every file of the tree, by path.</summary>
    public IReadOnlyDictionary<string, FileStamp> Files { get; } = files;

    /// <summary>The facts of every Core and Entry node of the tree, by path.</summary>
    public IReadOnlyDictionary<string, NodeFacts> Nodes { get; } = nodes;

    /// <summary>The files of <paramref name="tree"/>, which validated clean, with the facts of its nodes as the validation read them.</summary>
    public static ValidatedTree Of(TreeSnapshot tree, IEnumerable<KeyValuePair<string, NodeFacts>> nodes)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var stamps = new Dictionary<string, FileStamp>(tree.Count, StringComparer.Ordinal);
        foreach (var file in tree.Files) stamps[file.Path] = FileStamp.Of(file);
        var facts = new Dictionary<string, NodeFacts>(StringComparer.Ordinal);
        foreach (var (path, fact) in nodes)
        {
            if (stamps.ContainsKey(path) && NodeFacts.IsNode(path)) facts[path] = fact;
        }

        return new ValidatedTree(stamps, facts);
    }

    /// <summary>
    /// The paths where <paramref name="tree"/> differs from this tree: <see cref="TreeDifference.Changed"/>
    /// holds every path added, deleted or holding another object or mode; <see cref="TreeDifference.Added"/>
    /// those of them that this tree does not hold.
    /// </summary>
    public TreeDifference Against(TreeSnapshot tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var changed = new List<string>();
        var added = new List<string>();
        foreach (var file in tree.Files)
        {
            if (!Files.TryGetValue(file.Path, out var stamp))
            {
                changed.Add(file.Path);
                added.Add(file.Path);
            }
            else if (!stamp.Describes(file))
            {
                changed.Add(file.Path);
            }
        }

        if (tree.Count - added.Count != Files.Count) changed.AddRange(Files.Keys.Where(path => tree.Find(path) is null));
        return new TreeDifference(changed, added);
    }

    /// <summary>The node index of a tree that differs from this one by <paramref name="changes"/> only (<see cref="NodeIndex.With"/>).</summary>
    public NodeIndex NodesWith(string tree, IEnumerable<KeyValuePair<string, NodeFacts?>> changes) =>
        NodeIndex.Kept(tree, new NodeTable(Nodes)).With(tree, changes);
}
