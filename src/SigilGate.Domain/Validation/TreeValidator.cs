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
    public static ValidationResult Validate(TreeSnapshot tree, int maxRecordBytes = RecordFileReader.DefaultMaxBytes) =>
        Validate(tree, read: null, maxRecordBytes);

    /// <param name="read">Files of <paramref name="tree"/> read already (<see cref="TreeReading.Of"/>): those are not read again.</param>
    public static ValidationResult Validate(TreeSnapshot tree, TreeReading? read, int maxRecordBytes = RecordFileReader.DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var readings = ReadAll(tree, read, maxRecordBytes, keepCrossFile: true);

        // Path problems come first: for one file, its name is wrong before its content is.
        var diagnostics = new List<Diagnostic>();
        PathNames.Check(tree, diagnostics);
        diagnostics.AddRange(readings.SelectMany(r => r.Diagnostics));
        var crossFile = readings.Select(r => r.CrossFile).OfType<CrossFileFields>().ToList();
        CrossReferences.Check(tree, crossFile, diagnostics);
        var nodes = new Dictionary<string, NodeFacts>(StringComparer.Ordinal);
        foreach (var fields in crossFile)
        {
            if (NodeFacts.Of(fields) is { } facts) nodes[fields.Path.Path] = facts;
        }

        return Result(readings, diagnostics, nodes);
    }

    /// <summary>
    /// Reads every file on its own, as <see cref="Validate(TreeSnapshot, int)"/> does, but skips the rules that span
    /// files (names, references, unique addresses). For callers that want what the files hold,
    /// not a verdict on the tree: an apply of commits pre-receive has judged, drift, the pusher's
    /// view of Git. Its diagnostics are the files' own problems only.
    /// </summary>
    public static ValidationResult Read(TreeSnapshot tree, int maxRecordBytes = RecordFileReader.DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var readings = ReadAll(tree, read: null, maxRecordBytes, keepCrossFile: false);
        return Result(readings, readings.SelectMany(r => r.Diagnostics).ToList());
    }

    /// <summary>Each file's reading in path order: taken from <paramref name="read"/> when it has the file, else read now.</summary>
    /// <param name="keepCrossFile">
    /// Keep what the rules spanning files need of each file. Kept for 10,000 records, a reading's
    /// parsed fields (with their positions) survived the collections that followed: an apply spent
    /// 28% of its CPU in the garbage collector with them and 21% without (perf, three runs each).
    /// </param>
    private static FileReading[] ReadAll(TreeSnapshot tree, TreeReading? read, int maxRecordBytes, bool keepCrossFile)
    {
        var files = tree.Files.OrderBy(file => file.Path, StringComparer.Ordinal).ToArray();
        var readings = new FileReading[files.Length];
        var unread = new List<TreeFile>();
        for (var i = 0; i < files.Length; i++)
        {
            if (read?.Find(files[i], maxRecordBytes, keepCrossFile) is { } known) readings[i] = known;
            else unread.Add(files[i]);
        }

        if (unread.Count == 0) return readings;
        var fresh = TreeReading.Of(unread, maxRecordBytes, keepCrossFile);
        for (var i = 0; i < files.Length; i++) readings[i] ??= fresh.Find(files[i], maxRecordBytes, keepCrossFile)!;
        return readings;
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
}
