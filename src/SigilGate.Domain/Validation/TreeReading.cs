using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Validation;

/// <summary>
/// Files read each on its own (parsed, checked against their schema, made into the records they
/// store), before any rule that spans files is applied. pre-receive reads the files a push changes
/// first, looks up in the facts of the nodes among them which other files the rules need, and hands
/// this reading to <see cref="TreeValidator.Validate(TreeSnapshot, TreeReading?, int)"/>: each file is
/// parsed once per push, not once for the index of nodes and again for the verdict.
/// </summary>
public sealed class TreeReading
{
    private readonly Dictionary<string, (TreeFile File, FileReading Reading)> _byPath;
    private readonly int _maxRecordBytes;
    private readonly bool _keepsCrossFile;
    private Dictionary<string, NodeFacts>? _nodes;

    private TreeReading(TreeFile[] files, FileReading[] readings, int maxRecordBytes, bool keepsCrossFile)
    {
        _byPath = new Dictionary<string, (TreeFile, FileReading)>(files.Length, StringComparer.Ordinal);
        for (var i = 0; i < files.Length; i++) _byPath[files[i].Path] = (files[i], readings[i]);
        _maxRecordBytes = maxRecordBytes;
        _keepsCrossFile = keepsCrossFile;
    }

    /// <summary>
    /// The facts of each Core and Entry file read, as the rules spanning files see them (a node file
    /// that is not a YAML mapping has empty facts); what <see cref="NodeIndex"/> holds for those paths.
    /// </summary>
    public IReadOnlyDictionary<string, NodeFacts> Nodes => _nodes ??= NodesRead();

    /// <summary>Reads <paramref name="files"/>, keeping what the rules spanning files need of each.</summary>
    public static TreeReading Of(IEnumerable<TreeFile> files, int maxRecordBytes = RecordFileReader.DefaultMaxBytes) =>
        Of(files, maxRecordBytes, keepCrossFile: true);

    /// <param name="keepCrossFile">
    /// Keep what the rules spanning files need of each Core, Entry and state file. Without it a
    /// file's reading keeps its problems and its record only: callers that want what the files
    /// hold, not a verdict on the tree (an apply, drift, the pusher's view of Git).
    /// </param>
    internal static TreeReading Of(IEnumerable<TreeFile> files, int maxRecordBytes, bool keepCrossFile)
    {
        var all = files.ToArray();
        var readings = new FileReading[all.Length];
        FilesInParallel.For(all, i => readings[i] = FileReader.Read(all[i], maxRecordBytes, keepCrossFile));
        return new TreeReading(all, readings, maxRecordBytes, keepCrossFile);
    }

    /// <summary>The reading of <paramref name="file"/> when this read that very file (same path, mode and object) the same way.</summary>
    internal FileReading? Find(TreeFile file, int maxRecordBytes, bool keepCrossFile)
    {
        if (maxRecordBytes != _maxRecordBytes || (keepCrossFile && !_keepsCrossFile)) return null;
        return _byPath.TryGetValue(file.Path, out var read) && read.File.Mode == file.Mode && read.File.ObjectId == file.ObjectId ? read.Reading : null;
    }

    private Dictionary<string, NodeFacts> NodesRead()
    {
        var nodes = new Dictionary<string, NodeFacts>(StringComparer.Ordinal);
        foreach (var (path, (_, reading)) in _byPath)
        {
            if (reading.CrossFile is { } crossFile && NodeFacts.Of(crossFile) is { } facts) nodes[path] = facts;
        }

        return nodes;
    }
}
