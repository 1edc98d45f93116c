using SigilGate.Domain.Records;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Versioning;
using SigilGate.Testing.InMemory;

namespace SigilGate.Workflows.Tests;

/// <summary>A small valid network, committed into in-memory repositories by the specs.</summary>
internal static class Network
{
    public const string Policy = "roots: [root]\noperators: [alice]\n";

    public static string Core(string id, string address) => $"id: {id}\naddress: {address}\nregion: eu-west\ngrpc_paths: [/sigil.Core/Sync]\n";

    public static string Entry(string id, string core, string address, bool enabled = true) =>
        $"id: {id}\ncore: {core}\naddress: {address}\nenabled: {(enabled ? "true" : "false")}\n";

    public static string State(string status, string lastSeen = "2026-11-23T10:00:00Z") =>
        $"status: {status}\nlast_seen: {lastSeen}\ngrpc_path: /sigil.Entry/Report\n";

    /// <summary>The JSON etcd holds for <see cref="State"/>.</summary>
    public static string StateJson(string status, string lastSeen = "2026-11-23T10:00:00Z") =>
        $"{{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"{lastSeen}\",\"status\":\"{status}\"}}";

    public static string EntryJson(string id, string core, string address, bool enabled = true) =>
        $"{{\"address\":\"{address}\",\"core\":\"{core}\",\"enabled\":{(enabled ? "true" : "false")},\"id\":\"{id}\"}}";

    /// <summary>sigil.yaml, network.yaml, core-1, core-2, entries e-1 (core-1) and e-2 (core-2), and e-1's state.</summary>
    public static TreeChange[] Base =>
    [
        ("sigil.yaml", Policy),
        ("network.yaml", "name: test-net\nsync_interval: 30s\n"),
        ("nodes/core/core-1.yaml", Core("core-1", "10.0.1.1:7000")),
        ("nodes/core/core-2.yaml", Core("core-2", "10.0.1.2:7000")),
        ("nodes/entry/e-1.yaml", Entry("e-1", "core-1", "10.0.0.1:443")),
        ("nodes/entry/e-2.yaml", Entry("e-2", "core-2", "10.0.0.2:443")),
        ("state/core-1/entries/e-1.yaml", State("up")),
        ("README.md", "# test network\n"),
    ];

    /// <summary>A state record of <paramref name="path"/> with a sidecar giving it <paramref name="vector"/> written by <paramref name="writer"/>.</summary>
    public static TreeChange[] StateWithVersion(string path, string status, string writer, params (string Writer, long Counter)[] vector)
    {
        var record = RecordJson.Parse(RecordPath.Parse(path), StateJson(status)).Record!;
        var version = new RecordVersion(VersionVector.From(vector.Select(c => new KeyValuePair<string, long>(c.Writer, c.Counter))), writer, DateTimeOffset.FromUnixTimeSeconds(1_795_000_000), record.Sha256);
        return [(path, RecordJson.ToYaml(record)), (".sigil/versions/" + path, SidecarFormat.Write(version, path))];
    }
}
