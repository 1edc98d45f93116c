using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Validation;

/// <summary>
/// Which files of a pushed tree must be read to judge a push on top of an accepted tip: the files
/// it changes, and the unchanged files that a rule spanning files needs to see beside them. Every
/// other file was accepted with the tip and reads the same, so a Core node pushing 100 state
/// records into a tree of 20,000 files reads about 200 files, not 20,000. The tree is asked
/// through <see cref="ITreeLookup"/>, and the nodes a written or deleted node concerns are looked up
/// in the pushed tree's <see cref="NodeIndex"/>: a one-line change reads a handful of files, whatever
/// the number of nodes.
/// </summary>
public static class ValidationScope
{
    private const string EntryFolder = "nodes/entry";
    private const string StateFolder = "state";

    /// <param name="changed">Paths that differ between the tip and the pushed tree (added, modified or deleted).</param>
    /// <param name="pushed">The pushed tree.</param>
    /// <param name="nodes">The index of the pushed tree's nodes (it must describe exactly <paramref name="pushed"/>).</param>
    /// <returns>The paths of the pushed tree to validate (files of <paramref name="pushed"/>).</returns>
    public static IReadOnlySet<string> For(IEnumerable<string> changed, ITreeLookup pushed, NodeIndex nodes)
    {
        var changedPaths = changed.ToList();
        var scope = new HashSet<string>(pushed.Existing(changedPaths), StringComparer.Ordinal);
        var changedEntries = new HashSet<string>(StringComparer.Ordinal);
        var writtenAddresses = new HashSet<string>(StringComparer.Ordinal);
        var deletedCores = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in changedPaths)
        {
            var exists = scope.Contains(path);
            var record = RecordPath.Parse(path);
            if (record.Kind is not (RecordKind.CoreNode or RecordKind.EntryNode)) continue;
            if (record.Kind == RecordKind.EntryNode) changedEntries.Add(record.Id!);
            if (exists && nodes.Find(path)?.Address is { } address) writtenAddresses.Add(address);
            if (!exists && record.Kind == RecordKind.CoreNode) deletedCores.Add(record.Id!);
        }

        // Addresses are unique across all nodes: a written node is compared with every node that
        // shares its address. An Entry names its Core: deleting a Core can break the Entries naming it.
        scope.UnionWith(nodes.Holding(writtenAddresses, deletedCores));

        // A state record must name an Entry that exists and belongs to its Core: a changed Entry
        // brings the state records that name it, under whichever Core they sit.
        if (changedEntries.Count > 0)
        {
            var states = pushed.List(StateFolder).Folders
                .SelectMany(core => changedEntries.Select(entry => $"{core}/entries/{entry}{RecordPath.Extension}"))
                .Where(path => RecordPath.Parse(path).Kind == RecordKind.EntryState);
            scope.UnionWith(pushed.Existing(states));
        }

        // A state record is checked against its Entry's 'core', so that Entry is read with it.
        var entries = scope
            .Select(RecordPath.Parse)
            .Where(record => record.Kind == RecordKind.EntryState)
            .Select(record => $"{EntryFolder}/{record.Id}{RecordPath.Extension}")
            .ToList();
        scope.UnionWith(pushed.Existing(entries));
        return scope;
    }
}
