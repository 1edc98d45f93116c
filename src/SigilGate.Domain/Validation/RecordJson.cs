using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Records;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Validation;

/// <summary>
/// Records as plain JSON, the form etcd holds and node agents write. Parsing applies the same
/// schema rules as the YAML files (cross-file rules need a tree and are the validator's).
/// </summary>
public static class RecordJson
{
    /// <summary>Parses a raw value into a record with canonical JSON; diagnostics are reported against <paramref name="path"/>.</summary>
    public static (Record? Record, IReadOnlyList<Diagnostic> Diagnostics) Parse(RecordPath path, string json)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(json);
        if (!path.IsSynced) return (null, [Diagnostic.InFile(path.Path, "not a synced record path")]);

        var read = JsonTreeReader.Read(path.Path, json);
        var diagnostics = new List<Diagnostic>(read.Diagnostics);
        if (read.Root is null) return (null, diagnostics);

        var fields = SchemaReader.Read(path, read.Root, RecordSchemas.For(path.Kind), diagnostics);
        if (diagnostics.Count == 0) return (new Record(path, CanonicalJson.Write(fields.Values)), diagnostics);
        return (null, diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList());
    }

    /// <summary>The YAML file for a record, fields in the order people write them; it validates back to the same JSON.</summary>
    public static string ToYaml(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return RecordYamlWriter.Write(record);
    }
}
