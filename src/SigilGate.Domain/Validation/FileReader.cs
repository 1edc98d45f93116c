using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Validation;

/// <summary>Reads one file of the network repository on its own, as its path says it must be read.</summary>
internal static class FileReader
{
    public static FileReading Read(TreeFile file, int maxBytes, bool keepCrossFile)
    {
        var diagnostics = new List<Diagnostic>();
        var path = RecordPath.Parse(file.Path);
        switch (path.Kind)
        {
            case RecordKind.Other:
                return new FileReading([]);
            case RecordKind.KeptConflict:
                return new FileReading(KeptConflictFile.Check(file, maxBytes));
            case RecordKind.Misplaced:
                diagnostics.Add(Diagnostic.InFile(file.Path, MisplacedPath.Explain(file.Path)));
                return new FileReading(diagnostics);
            case RecordKind.Policy:
                var (policy, policyProblems) = PolicyReader.Read(file, maxBytes);
                diagnostics.AddRange(policyProblems);
                return new FileReading(Kept(diagnostics), Policy: policy);
            case RecordKind.VersionSidecar:
                var (sidecar, sidecarProblems) = SidecarFormat.Read(file, maxBytes);
                diagnostics.AddRange(sidecarProblems);
                return new FileReading(Kept(diagnostics), Sidecar: sidecar);
            default:
                var record = ReadRecord(file, path, maxBytes, diagnostics);
                var stored = record is { IsClean: true } ? ToRecord(record, maxBytes, diagnostics) : null;
                return new FileReading(Kept(diagnostics), keepCrossFile ? CrossFile(path, record) : null, stored);
        }
    }

    // Most files have no problem: one shared empty list instead of one per file kept to the end.
    private static IReadOnlyList<Diagnostic> Kept(List<Diagnostic> diagnostics) => diagnostics.Count == 0 ? [] : diagnostics;

    // A node file that is not a YAML mapping still holds its path, with nothing the rules could
    // compare; a state file that is not one is left out, its own problem being reported already.
    private static CrossFileFields? CrossFile(RecordPath path, ParsedRecord? record) => path.Kind switch
    {
        RecordKind.CoreNode or RecordKind.EntryNode or RecordKind.EntryState when record is not null => CrossFileFields.Of(path, record.Fields),
        RecordKind.CoreNode or RecordKind.EntryNode => CrossFileFields.Empty(path),
        _ => null,
    };

    private static ParsedRecord? ReadRecord(TreeFile file, RecordPath path, int maxBytes, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var root = RecordFileReader.Read(file, maxBytes, diagnostics);
        if (root is null) return null;
        var fields = SchemaReader.Read(path, root, RecordSchemas.For(path.Kind), diagnostics);
        return new ParsedRecord(path, fields, IsClean: diagnostics.Count == before);
    }

    private static Record? ToRecord(ParsedRecord record, int maxBytes, List<Diagnostic> diagnostics)
    {
        var json = CanonicalJson.Write(record.Fields.Values);

        // Escaping can make the JSON larger than the file; etcd refuses values over its
        // request limit (1.5 MiB by default), so the limit applies to what is stored.
        var size = System.Text.Encoding.UTF8.GetByteCount(json);
        if (size > maxBytes)
        {
            diagnostics.Add(Diagnostic.InFile(record.Path.Path, $"record is {size} bytes as JSON, more than the limit of {maxBytes} bytes"));
            return null;
        }

        return new Record(record.Path, json);
    }
}
