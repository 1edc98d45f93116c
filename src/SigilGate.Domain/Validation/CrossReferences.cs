using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Validation;

/// <summary>
/// The rules that span files: an Entry node's Core exists, a state record's Entry exists and
/// belongs to that Core, and no two nodes share an address. Each is one dictionary lookup per
/// record, so a tree of thousands of nodes is checked in linear time.
/// </summary>
internal static class CrossReferences
{
    /// <param name="records">Synced records in path order, so duplicates are reported on the later file.</param>
    public static void Check(TreeSnapshot tree, IReadOnlyList<CrossFileFields> records, List<Diagnostic> diagnostics)
    {
        var entryCores = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.Path.Kind == RecordKind.EntryNode) entryCores[record.Path.Id!] = record.Core;
        }

        var addressOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            switch (record.Path.Kind)
            {
                case RecordKind.CoreNode:
                    CheckAddressUnique(record, addressOwners, diagnostics);
                    break;
                case RecordKind.EntryNode:
                    CheckCoreExists(tree, record, diagnostics);
                    CheckAddressUnique(record, addressOwners, diagnostics);
                    break;
                case RecordKind.EntryState:
                    CheckEntryBelongsToCore(tree, record, entryCores, diagnostics);
                    break;
            }
        }
    }

    private static void CheckCoreExists(TreeSnapshot tree, CrossFileFields entry, List<Diagnostic> diagnostics)
    {
        if (entry.Core is not { } core) return;
        var corePath = $"nodes/core/{core}{RecordPath.Extension}";
        if (RecordPath.IsValidId(core) && tree.Contains(corePath)) return;

        // A value such as '../core/core-1' names no file at all: saying which file is missing would mislead.
        var message = RecordPath.IsValidId(core)
            ? $"core {MessageText.Quote(core)} does not exist (no {MessageText.Clean(corePath)})"
            : $"core {MessageText.Quote(core)} is not a valid id: ids must match {RecordPath.IdPattern()}";
        diagnostics.Add(Diagnostic.At(entry.Path.Path, entry.CoreMark, message));
    }

    // A state record names its Entry and Core only in its path, so the problem is the file's.
    private static void CheckEntryBelongsToCore(
        TreeSnapshot tree, CrossFileFields state, Dictionary<string, string?> entryCores, List<Diagnostic> diagnostics)
    {
        var (entry, core) = (state.Path.Id!, state.Path.Core!);
        var entryPath = $"nodes/entry/{entry}{RecordPath.Extension}";
        if (!tree.Contains(entryPath))
        {
            diagnostics.Add(Diagnostic.InFile(state.Path.Path, $"entry '{entry}' does not exist (no {entryPath})"));
            return;
        }

        // An Entry file whose 'core' did not parse has been reported already.
        if (entryCores.GetValueOrDefault(entry) is { } owner && owner != core)
        {
            var message = $"entry '{entry}' belongs to core {MessageText.Quote(owner)} ({entryPath}), not to '{core}'";
            diagnostics.Add(Diagnostic.InFile(state.Path.Path, message));
        }
    }

    private static void CheckAddressUnique(CrossFileFields node, Dictionary<string, string> owners, List<Diagnostic> diagnostics)
    {
        if (node.NormalizedAddress is not { } normalized) return;
        if (owners.TryAdd(normalized, node.Path.Path)) return;
        var message = $"address {MessageText.Clean(node.Address!)} is also used by {owners[normalized]}";
        diagnostics.Add(Diagnostic.At(node.Path.Path, node.AddressMark, message));
    }
}
