using SigilGate.Core.Diagnostics;
using SigilGate.Core.Records;
using PolicyDocument = SigilGate.Core.Records.Policy;
using SigilGate.Core.Trees;

namespace SigilGate.Core.Validation;

/// <summary>
/// Validates a whole tree of the network repository: every file once, then the rules that span
/// files. It reports all problems, not the first, and never throws on bad content.
/// </summary>
public static class TreeValidator
{
    public static ValidationResult Validate(TreeSnapshot tree, int maxRecordBytes = RecordFileReader.DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var diagnostics = new List<Diagnostic>();
        var parsed = new List<ParsedRecord>();
        var sidecars = new Dictionary<string, VersionSidecar>(StringComparer.Ordinal);
        PolicyDocument? policy = null;
        PathNames.Check(tree, diagnostics);

        foreach (var file in tree.Files.OrderBy(file => file.Path, StringComparer.Ordinal))
        {
            var path = RecordPath.Parse(file.Path);
            switch (path.Kind)
            {
                case RecordKind.Other:
                case RecordKind.KeptConflict:
                    // Kept losing versions are for people to read; their content is what etcd held.
                    break;
                case RecordKind.Misplaced:
                    diagnostics.Add(Diagnostic.InFile(file.Path, MisplacedPath.Explain(file.Path)));
                    break;
                case RecordKind.Policy:
                    var (readPolicy, policyProblems) = PolicyReader.Read(file, maxRecordBytes);
                    diagnostics.AddRange(policyProblems);
                    policy = readPolicy;
                    break;
                case RecordKind.VersionSidecar:
                    var (sidecar, sidecarProblems) = SidecarFormat.Read(file, maxRecordBytes);
                    diagnostics.AddRange(sidecarProblems);
                    if (sidecar is not null) sidecars[sidecar.RecordPath] = sidecar;
                    break;
                default:
                    if (ReadRecord(file, path, maxRecordBytes, diagnostics) is { } record) parsed.Add(record);
                    break;
            }
        }

        CrossReferences.Check(tree, parsed, diagnostics);
        var records = ToRecords(parsed, maxRecordBytes, diagnostics);
        var sorted = diagnostics
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ToList();
        return new ValidationResult(ProblemLimit.Apply(sorted), records, sidecars, policy);
    }

    private static ParsedRecord? ReadRecord(TreeFile file, RecordPath path, int maxBytes, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var root = RecordFileReader.Read(file, maxBytes, diagnostics);
        if (root is null) return null;
        var fields = SchemaReader.Read(path, root, RecordSchemas.For(path.Kind), diagnostics);
        return new ParsedRecord(path, fields, IsClean: diagnostics.Count == before);
    }

    private static Dictionary<string, Record> ToRecords(List<ParsedRecord> parsed, int maxBytes, List<Diagnostic> diagnostics)
    {
        var records = new Dictionary<string, Record>(StringComparer.Ordinal);
        foreach (var record in parsed)
        {
            if (!record.IsClean) continue;
            var json = CanonicalJson.Write(record.Fields.Values);

            // Escaping can make the JSON larger than the file; etcd refuses values over its
            // request limit (1.5 MiB by default), so the limit applies to what is stored.
            var size = System.Text.Encoding.UTF8.GetByteCount(json);
            if (size > maxBytes)
            {
                diagnostics.Add(Diagnostic.InFile(record.Path.Path, $"record is {size} bytes as JSON, more than the limit of {maxBytes} bytes"));
                continue;
            }

            records[record.Path.Path] = new Record(record.Path, json);
        }

        return records;
    }
}
