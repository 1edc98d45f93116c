using SigilGate.Domain.Records;
using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Validation;

/// <summary>
/// What the rules spanning files need to know of one Core or Entry node without reading it again:
/// its address in normalized form (null when it has none the address rule would compare) and, for
/// an Entry, the Core it names (null when it names none as a string).
/// </summary>
public sealed record NodeFacts(string? Address, string? Core)
{
    /// <summary>Whether <paramref name="path"/> is a Core or Entry node file, the only files that have facts.</summary>
    public static bool IsNode(string path) => RecordPath.Parse(path).Kind is RecordKind.CoreNode or RecordKind.EntryNode;

    /// <summary>
    /// The facts of a node file, read exactly as <see cref="TreeValidator.Validate"/> reads it before
    /// <see cref="CrossReferences"/> compares addresses and Cores: a value it would not compare is null.
    /// </summary>
    public static NodeFacts Read(TreeFile file, int maxBytes = RecordFileReader.DefaultMaxBytes)
    {
        var path = RecordPath.Parse(file.Path);
        if (path.Kind is not (RecordKind.CoreNode or RecordKind.EntryNode)) throw new ArgumentException($"{file.Path} is not a node file", nameof(file));
        var diagnostics = new List<Diagnostic>();
        var root = RecordFileReader.Read(file, maxBytes, diagnostics);
        if (root is null) return new NodeFacts(null, null);
        return Of(CrossFileFields.Of(path, SchemaReader.Read(path, root, RecordSchemas.For(path.Kind), diagnostics)))!;
    }

    /// <summary>The facts of a node record already read, or null when it is not a node.</summary>
    internal static NodeFacts? Of(CrossFileFields record) => record.Path.Kind switch
    {
        RecordKind.CoreNode => new NodeFacts(record.NormalizedAddress, null),
        RecordKind.EntryNode => new NodeFacts(record.NormalizedAddress, record.Core),
        _ => null,
    };

    /// <summary>An address as the uniqueness rule compares it, or null when the rule skips it (it does not parse).</summary>
    public static string? NormalizedAddress(string? text) =>
        text is null || HostPort.Parse(text, out var address) is not null ? null : address.Normalized;
}
