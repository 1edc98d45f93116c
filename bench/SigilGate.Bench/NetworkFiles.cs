using System.Globalization;
using SigilGate.Testing.Git;

namespace SigilGate.Bench;

/// <summary>
/// The network repositories the scenarios push: examples/network (or, when it is missing, an
/// equivalent one: policy, settings, 3 Core nodes, 8 entries, 5 state files), and a large one.
/// </summary>
internal static class NetworkFiles
{
    public const string ToggledEntry = "nodes/entry/e-1.yaml";

    public const string Policy = """
        roots:
          - root
        operators:
          - alice
          - bob

        """;

    /// <summary>Relative path → content of the example network.</summary>
    public static IReadOnlyDictionary<string, string> Example(out string source)
    {
        var directory = Path.Combine(SigilBinaries.RepositoryRoot(), "examples", "network");
        if (File.Exists(Path.Combine(directory, "sigil.yaml")))
        {
            source = "examples/network";
            return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
        }

        source = "generated (examples/network is missing)";
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sigil.yaml"] = Policy,
            ["network.yaml"] = "name: example-net\nsync_interval: 30s\n",
        };
        for (var c = 1; c <= 3; c++) files[$"nodes/core/core-{c}.yaml"] = Core(c);
        for (var e = 1; e <= 8; e++) files[$"nodes/entry/e-{e}.yaml"] = Entry(e, CoreOf(e), enabled: e != 6);
        foreach (var e in new[] { 1, 2, 4, 5, 7 }) files[$"state/core-{CoreOf(e)}/entries/e-{e}.yaml"] = State(e);
        return files;

        static int CoreOf(int entry) => entry <= 3 ? 1 : entry <= 6 ? 2 : 3;
    }

    /// <summary>Policy, settings, 3 Core nodes and <paramref name="entries"/> entries e-1 ... e-N spread over them.</summary>
    public static IReadOnlyDictionary<string, string> Large(int entries)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sigil.yaml"] = Policy,
            ["network.yaml"] = "name: large-net\nsync_interval: 30s\n",
        };
        for (var c = 1; c <= 3; c++) files[$"nodes/core/core-{c}.yaml"] = Core(c);
        for (var e = 1; e <= entries; e++) files[$"nodes/entry/e-{e}.yaml"] = Entry(e, (e % 3) + 1, enabled: e % 10 != 0);
        return files;
    }

    /// <summary>
    /// A Core node's area: policy, settings, core-1 alone, <paramref name="entries"/> entries on
    /// core-1 and a state record for each (<c>state/core-1/entries/e-N.yaml</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> NodeArea(int entries)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sigil.yaml"] = Policy,
            ["network.yaml"] = "name: node-area-net\nsync_interval: 30s\n",
            ["nodes/core/core-1.yaml"] = Core(1),
        };
        for (var e = 1; e <= entries; e++)
        {
            files[$"nodes/entry/e-{e}.yaml"] = Entry(e, 1, enabled: true);
            files[$"state/core-1/entries/e-{e}.yaml"] = "status: up\nlast_seen: \"2026-11-20T09:14:00Z\"\ngrpc_path: /sigil.Entry/Heartbeat\n";
        }

        return files;
    }

    /// <summary>The JSON the contract says entry <paramref name="entry"/> of <see cref="Large"/> has in etcd.</summary>
    public static string LargeEntryJson(int entry) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"address":"{{Address(entry)}}","core":"core-{{(entry % 3) + 1}}","enabled":{{(entry % 10 != 0 ? "true" : "false")}},"id":"e-{{entry}}"}""");

    /// <summary>
    /// Commits <paramref name="files"/> onto <c>main</c> of the repository at <paramref name="repository"/>
    /// (on top of its tip, if any) with one <c>git fast-import</c> (seconds for 200,000 files, where a work tree and <c>git add</c> take minutes).
    /// </summary>
    public static async Task ImportAsync(string repository, IReadOnlyDictionary<string, string?> environment, IReadOnlyDictionary<string, string> files, string message, long? time = null)
    {
        // fast-import starts a branch it has not seen in this stream afresh unless told its parent.
        var tip = await Processes.RunAsync("git", ["rev-parse", "--verify", "--quiet", "refs/heads/main"], repository, environment).ConfigureAwait(false);
        var parent = tip.ExitCode == 0 ? tip.StandardOutput.Trim() : null;
        var stream = new FastImportStream().Commit("main", message, parent, time ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal)) stream.File(path, content);
        var import = await stream.ImportAsync(repository, environment).ConfigureAwait(false);
        if (import.ExitCode != 0) throw new InvalidOperationException("git fast-import failed: " + import);
    }

    public static void WriteTo(Clone clone, IReadOnlyDictionary<string, string> files)
    {
        foreach (var (path, content) in files) clone.Write(path, content);
    }

    /// <summary>Flips <c>enabled:</c> of an entry record (adds <c>enabled: false</c> when absent, true being the default).</summary>
    public static string ToggleEnabled(string record)
    {
        if (record.Contains("enabled: true", StringComparison.Ordinal)) return record.Replace("enabled: true", "enabled: false", StringComparison.Ordinal);
        if (record.Contains("enabled: false", StringComparison.Ordinal)) return record.Replace("enabled: false", "enabled: true", StringComparison.Ordinal);
        return record.TrimEnd('\n') + "\nenabled: false\n";
    }

    private static string Core(int c) => string.Create(
        CultureInfo.InvariantCulture,
        $"id: core-{c}\naddress: core-{c}.example.net:7443\nregion: region-{c}\ngrpc_paths:\n  - /sigil.Entry/Heartbeat\n  - /sigil.Entry/Report\n");

    private static string Entry(int e, int core, bool enabled) => string.Create(
        CultureInfo.InvariantCulture,
        $"id: e-{e}\ncore: core-{core}\naddress: {Address(e)}\nenabled: {(enabled ? "true" : "false")}\n");

    private static string State(int e) => string.Create(
        CultureInfo.InvariantCulture,
        $"status: up\nlast_seen: \"2026-11-20T09:14:0{e}Z\"\ngrpc_path: /sigil.Entry/Heartbeat\n");

    // Unique per entry below 62,500 entries: 10.1.x.y.
    private static string Address(int e) => string.Create(CultureInfo.InvariantCulture, $"10.{1 + (e / 62500)}.{e / 250 % 250}.{(e % 250) + 1}:443");
}
