using SigilGate.Core.Records;

namespace SigilGate.Core.Validation;

/// <summary>
/// Which files of a pushed tree must be read to judge a push on top of an accepted tip: the files
/// it changes, and the unchanged files that a rule spanning files needs to see beside them. Every
/// other file was accepted with the tip and reads the same, so a Core node pushing 100 state
/// records into a tree of 20,000 files reads about 200 files, not 20,000.
/// </summary>
public static class ValidationScope
{
    /// <param name="changed">Paths that differ between the tip and the pushed tree (added, modified or deleted).</param>
    /// <param name="pushed">Every path of the pushed tree.</param>
    /// <returns>The paths of the pushed tree to validate (a subset of <paramref name="pushed"/>).</returns>
    public static IReadOnlySet<string> For(IEnumerable<string> changed, IReadOnlyCollection<string> pushed)
    {
        var scope = new HashSet<string>(StringComparer.Ordinal);
        var present = pushed as IReadOnlySet<string> ?? pushed.ToHashSet(StringComparer.Ordinal);
        var changedEntries = new HashSet<string>(StringComparer.Ordinal);
        bool nodeWritten = false, coreDeleted = false;
        foreach (var path in changed)
        {
            var exists = present.Contains(path);
            if (exists) scope.Add(path);
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

        var wholeFolders = nodeWritten || coreDeleted || changedEntries.Count > 0;
        foreach (var path in wholeFolders ? pushed : [])
        {
            var record = RecordPath.Parse(path);
            var needed = record.Kind switch
            {
                // Addresses are unique across all nodes: a written node is compared with every other.
                RecordKind.CoreNode => nodeWritten,
                // An Entry names its Core: deleting a Core can break any Entry.
                RecordKind.EntryNode => nodeWritten || coreDeleted,
                // A state record must name an Entry that exists and belongs to its Core.
                RecordKind.EntryState => changedEntries.Contains(record.Id!),
                _ => false,
            };
            if (needed) scope.Add(path);
        }

        // A state record is checked against its Entry's 'core', so that Entry is read with it.
        foreach (var path in scope.ToList())
        {
            var record = RecordPath.Parse(path);
            if (record.Kind != RecordKind.EntryState) continue;
            var entry = $"nodes/entry/{record.Id}{RecordPath.Extension}";
            if (present.Contains(entry)) scope.Add(entry);
        }

        return scope;
    }
}
