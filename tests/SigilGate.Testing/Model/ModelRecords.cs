using System.Globalization;
using SigilGate.Testing.Soak;

namespace SigilGate.Testing.Model;

/// <summary>
/// The model's network and the record contents it writes. Every write takes a fresh number n that
/// shows in its content (an Entry's port, a Core's region, the network's name, a state record's
/// grpc_path), so each value can be recognised wherever it ends up. Entries e-1..e-6: odd ones on
/// core-1, even ones on core-2; e-1..e-4 exist at the start, each with a state record.
/// </summary>
public static class ModelRecords
{
    public const string Prefix = SigilJson.Prefix;
    public const int EntryPool = 6;
    public const int FirstEntries = 4;
    public static readonly string[] Cores = ["core-1", "core-2"];
    private static readonly string[] Statuses = ["up", "down", "degraded", "unknown"];
    private static readonly DateTimeOffset Epoch = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static string CoreOf(int entry) => entry % 2 == 1 ? "core-1" : "core-2";

    public static string EntryPath(int entry) => RecordFiles.EntryPath($"e-{entry}");

    public static string StatePath(int entry) => RecordFiles.StatePath(CoreOf(entry), $"e-{entry}");

    public static string CorePath(string core) => $"nodes/core/{core}.yaml";

    public const string NetworkPath = "network.yaml";

    public static bool IsRecord(string path) =>
        path == NetworkPath || path.EndsWith(".yaml", StringComparison.Ordinal) && (path.StartsWith("nodes/", StringComparison.Ordinal) || path.StartsWith("state/", StringComparison.Ordinal));

    public static string Entry(int entry, int n, bool enabled) =>
        RecordFiles.Entry($"e-{entry}", CoreOf(entry), string.Create(CultureInfo.InvariantCulture, $"10.0.{entry}.1:{(n == 0 ? 443 : 1024 + n)}"), enabled);

    public static string Core(string core, int n) =>
        $"id: {core}\naddress: 10.{core[^1]}.0.1:7000\nregion: r{n.ToString(CultureInfo.InvariantCulture)}\n";

    public static string Network(int n) => $"name: model-net-{n.ToString(CultureInfo.InvariantCulture)}\nsync_interval: 30s\n";

    public static string State(Random random, int n) =>
        RecordFiles.State(Statuses[random.Next(Statuses.Length)], Epoch.AddSeconds(n), string.Create(CultureInfo.InvariantCulture, $"/m/{n}"));

    /// <summary>The canonical JSON of a record file (as etcd must hold it).</summary>
    public static string Json(string yaml) => FlatYaml.ToCanonicalJson(yaml);

    /// <summary>A fresh content for <paramref name="path"/> with marker <paramref name="n"/>.</summary>
    public static string Fresh(string path, Random random, int n)
    {
        if (path == NetworkPath) return Network(n);
        if (path.StartsWith("nodes/core/", StringComparison.Ordinal)) return Core(Path.GetFileNameWithoutExtension(path), n);
        if (RecordFiles.IsState(path)) return State(random, n);
        var entry = int.Parse(Path.GetFileNameWithoutExtension(path)[2..], CultureInfo.InvariantCulture);
        return Entry(entry, n, random.Next(4) != 0);
    }

    public const string Policy = "roots: [root]\noperators: [alice]\n";
}
