using System.Globalization;
using System.Text;
using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Versioning;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Validation;

/// <summary>
/// The file Git keeps a record's version in, <c>.sigil/versions/&lt;record path&gt;</c>. Written
/// with sorted keys and a fixed time format so that one version always has the same bytes (and
/// the same blob id), whichever node writes it.
/// </summary>
public static class SidecarFormat
{
    public static string Write(RecordVersion version, string recordPath)
    {
        var text = new StringBuilder(256)
            .Append("# Version of ").Append(MessageText.Clean(recordPath)).Append(", kept by sigil. Do not edit.\n");
        if (version.Vector.IsEmpty)
        {
            text.Append("vector: {}\n");
        }
        else
        {
            text.Append("vector:\n");
            foreach (var (writer, counter) in version.Vector.Counters)
            {
                text.Append("  ").Append(YamlScalarWriter.Format(writer)).Append(": ")
                    .Append(counter.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return text
            .Append("writer: ").Append(YamlScalarWriter.Format(version.Writer)).Append('\n')
            .Append("time: ").Append(version.Time.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture)).Append('\n')
            .Append("sha256: ").Append(YamlScalarWriter.Format(version.Sha256)).Append('\n')
            .ToString();
    }

    /// <summary>Reads a sidecar file of a tree (its path is <c>.sigil/versions/&lt;record path&gt;</c>).</summary>
    public static (VersionSidecar? Sidecar, IReadOnlyList<Diagnostic> Diagnostics) Read(TreeFile sidecarFile) =>
        Read(sidecarFile, RecordFileReader.DefaultMaxBytes);

    internal static (VersionSidecar? Sidecar, IReadOnlyList<Diagnostic> Diagnostics) Read(TreeFile sidecarFile, int maxBytes)
    {
        var path = RecordPath.Parse(sidecarFile.Path);
        if (path.Kind != RecordKind.VersionSidecar)
        {
            return (null, [Diagnostic.InFile(sidecarFile.Path, "not a version file: versions live at .sigil/versions/<record path>")]);
        }

        var diagnostics = new List<Diagnostic>();
        var root = RecordFileReader.Read(sidecarFile, maxBytes, diagnostics);
        if (root is null) return (null, diagnostics);

        var fields = SchemaReader.Read(path, root, RecordSchemas.VersionSidecar, diagnostics).Values;
        if (diagnostics.Count > 0) return (null, diagnostics);

        Rfc3339.TryParse((string)fields["time"], out var time);
        var version = new RecordVersion(
            VersionVector.From((IReadOnlyDictionary<string, long>)fields["vector"]),
            (string)fields["writer"],
            time,
            (string)fields["sha256"]);
        return (new VersionSidecar(path.SidecarTarget.Path, version), diagnostics);
    }
}
