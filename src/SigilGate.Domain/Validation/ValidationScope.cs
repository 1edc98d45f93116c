using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Validation;

/// <summary>
/// Which files of a pushed tree must be read to judge a push on top of an accepted tip: the files
/// it changes, and the unchanged files that a rule spanning files needs to see beside them. Every
/// other file was accepted with the tip and reads the same, so a Core node pushing 100 state
/// records into a tree of 20,000 files reads about 200 files, not 20,000. The tree is asked
/// through <see cref="ITreeLookup"/>: only a node written or deleted lists the node folders.
/// </summary>
public static class ValidationScope
{
    private const string CoreFolder = "nodes/core";
    private const string EntryFolder = "nodes/entry";
    private const string StateFolder = "state";

    /// <param name="changed">Paths that differ between the tip and the pushed tree (added, modified or deleted).</param>
    /// <param name="pushed">The pushed tree.</param>
    /// <returns>The paths of the pushed tree to validate (files of <paramref name="pushed"/>).</returns>
    public static IReadOnlySet<string> For(IEnumerable<string> changed, ITreeLookup pushed)
    {
        var changedPaths = changed.ToList();
        var scope = new HashSet<string>(pushed.Existing(changedPaths), StringComparer.Ordinal);
        var changedEntries = new HashSet<string>(StringComparer.Ordinal);
        bool nodeWritten = false, coreDeleted = false;
        foreach (var path in changedPaths)
        {
            var exists = scope.Contains(path);
            var record = RecordPath.Parse(path);
            switch (record.Kind)
            {
                case RecordKind.CoreNode:
                    nodeWritten |= exists;
                    coreDeleted |= !exists;
                    break;
                case RecordKind.EntryNode:
                    nodeWritten |= exists;
                    changedEntries.Add(record.Id!);
                    break;
            }
        }

        // Addresses are unique across all nodes: a written node is compared with every other.
        if (nodeWritten) AddRecords(scope, pushed.List(CoreFolder), RecordKind.CoreNode);

        // An Entry names its Core: deleting a Core can break any Entry.
        if (nodeWritten || coreDeleted) AddRecords(scope, pushed.List(EntryFolder), RecordKind.EntryNode);

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

    private static void AddRecords(HashSet<string> scope, FolderListing folder, RecordKind kind)
    {
        foreach (var file in folder.Files)
        {
            if (RecordPath.Parse(file.Path).Kind == kind) scope.Add(file.Path);
        }
    }
}
