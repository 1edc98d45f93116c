using System.Globalization;
using System.Text.Json;

namespace SigilGate.Testing.Soak;

/// <summary>
/// The records the soak writes, in both forms (YAML for Git, canonical JSON for etcd), and how to
/// find a write's marker in either. Entries are <c>e-&lt;core&gt;-&lt;k&gt;</c>; a state record's
/// marker is its <c>grpc_path</c> (<c>/w/&lt;writer&gt;/&lt;n&gt;</c>); an entry's is its address
/// port (<c>1024 + n</c> for the operator's n-th write, 443 as first pushed).
/// </summary>
public static class SoakRecords
{
    public const string Operator = "op";
    public const int FirstPort = 443;
    private const int PortBase = 1024;

    public static string EntryId(int core, int k) => $"e-{core}-{k}";

    public static string EntryPath(int core, int k) => RecordFiles.EntryPath(EntryId(core, k));

    public static string StatePath(int core, int k) => RecordFiles.StatePath($"core-{core}", EntryId(core, k));

    public static string Marker(string writer, int n) => $"/w/{writer}/{n.ToString(CultureInfo.InvariantCulture)}";

    public static string InitialEntryMarker(string path) => "/w/init" + "/" + path;

    public static (string Yaml, string Json) State(string status, DateTimeOffset lastSeen, string marker) =>
        WithJson(RecordFiles.State(status, lastSeen, marker));

    public static (string Yaml, string Json) Entry(int core, int k, int port, bool enabled) =>
        WithJson(RecordFiles.Entry(EntryId(core, k), $"core-{core}", string.Create(CultureInfo.InvariantCulture, $"10.{core}.{k}.1:{port}"), enabled));

    public static int PortOf(int operatorWrite) => PortBase + operatorWrite;

    /// <summary>The marker of a record's content given as canonical JSON; null when it carries none.</summary>
    public static string? MarkerOfJson(string path, string? json)
    {
        if (json is null) return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            return MarkerOf(path, name => document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The marker of a record file's content (YAML, as Git holds it).</summary>
    public static string? MarkerOfYaml(string path, string yaml)
    {
        var fields = FlatYaml.Read(yaml);
        return MarkerOf(path, name => fields.TryGetValue(name, out var value) ? value : null);
    }

    private static (string Yaml, string Json) WithJson(string yaml) => (yaml, FlatYaml.ToCanonicalJson(yaml));

    private static string? MarkerOf(string path, Func<string, string?> field)
    {
        if (RecordFiles.IsState(path)) return field("grpc_path");
        var address = field("address");
        var colon = address?.LastIndexOf(':') ?? -1;
        if (colon < 0 || !int.TryParse(address![(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)) return null;
        return port == FirstPort ? InitialEntryMarker(path) : Marker(Operator, port - PortBase);
    }
}
