using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Validation;

/// <summary>Reads <c>sigil.yaml</c>. A policy with any problem is no policy: rights are never guessed.</summary>
public static class PolicyReader
{
    public static (Policy? Policy, IReadOnlyList<Diagnostic> Diagnostics) Read(TreeFile sigilYaml) =>
        Read(sigilYaml, RecordFileReader.DefaultMaxBytes);

    internal static (Policy? Policy, IReadOnlyList<Diagnostic> Diagnostics) Read(TreeFile sigilYaml, int maxBytes)
    {
        var diagnostics = new List<Diagnostic>();
        var root = RecordFileReader.Read(sigilYaml, maxBytes, diagnostics);
        if (root is null) return (null, diagnostics);

        var path = RecordPath.Parse(sigilYaml.Path);
        var fields = SchemaReader.Read(path, root, RecordSchemas.Policy, diagnostics).Values;
        if (diagnostics.Count > 0) return (null, diagnostics);

        var operators = fields.GetValueOrDefault("operators") as IReadOnlyList<string> ?? [];
        return (new Policy((IReadOnlyList<string>)fields["roots"], operators), diagnostics);
    }
}
