using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Validation;

/// <summary>
/// Validates a whole tree of the network repository: every file once, then the rules that span
/// files. It reports all problems, not the first, and never throws on bad content.
/// </summary>
public static class TreeValidator
{
    // Below this many files, starting worker threads costs more than it saves.
    private const int ParallelThreshold = 64;

    public static ValidationResult Validate(TreeSnapshot tree, int maxRecordBytes = RecordFileReader.DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var read = ReadAll(tree, maxRecordBytes, keepFields: true);

        // Path problems come first: for one file, its name is wrong before its content is.
        var diagnostics = new List<Diagnostic>();
        PathNames.Check(tree, diagnostics);
        diagnostics.AddRange(read.SelectMany(r => r.Diagnostics));
        var parsed = read.Select(r => r.Record).OfType<ParsedRecord>().ToList();
        CrossReferences.Check(tree, parsed, diagnostics);
        var nodes = new Dictionary<string, NodeFacts>(StringComparer.Ordinal);
        foreach (var record in parsed)
        {
            if (NodeFacts.Of(record) is { } facts) nodes[record.Path.Path] = facts;
        }

        return Result(read, diagnostics, nodes);
    }

    /// <summary>
    /// Reads every file on its own, as <see cref="Validate"/> does, but skips the rules that span
    /// files (names, references, unique addresses). For callers that want what the files hold,
    /// not a verdict on the tree: an apply of commits pre-receive has judged, drift, the pusher's
    /// view of Git. Its diagnostics are the files' own problems only.
    /// </summary>
    public static ValidationResult Read(TreeSnapshot tree, int maxRecordBytes = RecordFileReader.DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var read = ReadAll(tree, maxRecordBytes, keepFields: false);
        return Result(read, read.SelectMany(r => r.Diagnostics).ToList());
    }

    /// <param name="keepFields">
    /// Keep each record's parsed fields for the rules that span files. Without them a file's
    /// reading keeps only its JSON. Kept for 10,000 records, the fields (with their positions)
    /// survive the collections that follow: an apply spent 28% of its CPU in the garbage
    /// collector with them and 21% without (perf, three runs each), and took longer than with
    /// the whole validation, whose own garbage made the collector run earlier.
    /// </param>
    private static FileReading[] ReadAll(TreeSnapshot tree, int maxRecordBytes, bool keepFields)
    {
        var files = tree.Files.OrderBy(file => file.Path, StringComparer.Ordinal).ToArray();

        // Contents come from the repository, which is read on one thread; parsing, the bulk of the
        // work for a large tree, then runs on every core. Each file is read on its own.
        foreach (var file in files) _ = file.Content;
        var read = new FileReading[files.Length];
        if (files.Length < ParallelThreshold)
        {
            for (var i = 0; i < files.Length; i++) read[i] = ReadFile(files[i], maxRecordBytes, keepFields);
        }
        else
        {
            Parallel.For(0, files.Length, i => read[i] = ReadFile(files[i], maxRecordBytes, keepFields));
        }

        return read;
    }

    private static ValidationResult Result(FileReading[] read, List<Diagnostic> diagnostics, IReadOnlyDictionary<string, NodeFacts>? nodes = null)
    {
        var sidecars = new Dictionary<string, VersionSidecar>(StringComparer.Ordinal);
        foreach (var sidecar in read.Select(r => r.Sidecar).OfType<VersionSidecar>()) sidecars[sidecar.RecordPath] = sidecar;
        var policy = read.Select(r => r.Policy).OfType<Policy>().FirstOrDefault();
        var records = new Dictionary<string, Record>(StringComparer.Ordinal);
        foreach (var record in read.Select(r => r.Stored).OfType<Record>()) records[record.Path.Path] = record;

        var sorted = diagnostics
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ToList();
        return new ValidationResult(ProblemLimit.Apply(sorted), records, sidecars, policy, nodes);
    }

    /// <summary>What one file yields on its own: its problems and whatever of it could be read.</summary>
    private sealed record FileReading(List<Diagnostic> Diagnostics, ParsedRecord? Record = null, Record? Stored = null, VersionSidecar? Sidecar = null, Policy? Policy = null);

    private static FileReading ReadFile(TreeFile file, int maxBytes, bool keepFields)
    {
        var diagnostics = new List<Diagnostic>();
        var path = RecordPath.Parse(file.Path);
        switch (path.Kind)
        {
            case RecordKind.Other:
            case RecordKind.KeptConflict:
                // Kept losing versions are for people to read; their content is what etcd held.
                return new FileReading(diagnostics);
            case RecordKind.Misplaced:
                diagnostics.Add(Diagnostic.InFile(file.Path, MisplacedPath.Explain(file.Path)));
                return new FileReading(diagnostics);
            case RecordKind.Policy:
                var (policy, policyProblems) = PolicyReader.Read(file, maxBytes);
                diagnostics.AddRange(policyProblems);
                return new FileReading(diagnostics, Policy: policy);
            case RecordKind.VersionSidecar:
                var (sidecar, sidecarProblems) = SidecarFormat.Read(file, maxBytes);
                diagnostics.AddRange(sidecarProblems);
                return new FileReading(diagnostics, Sidecar: sidecar);
            default:
                var record = ReadRecord(file, path, maxBytes, diagnostics);
                var stored = record is { IsClean: true } ? ToRecord(record, maxBytes, diagnostics) : null;
                return new FileReading(diagnostics, keepFields ? record : null, stored);
        }
    }

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
