namespace SigilGate.EndToEnd.Tests.Cluster;

/// <summary>
/// The values the contract says etcd holds for the records of <see cref="Hooks.Network"/>:
/// canonical JSON, object keys sorted. Written out by hand so the specs do not trust the code under test.
/// </summary>
internal static class RecordJson
{
    public static string Entry(string id, string core, string address, bool enabled = true) =>
        $$"""{"address":"{{address}}","core":"{{core}}","enabled":{{(enabled ? "true" : "false")}},"id":"{{id}}"}""";

    public static string Core(string id, string address) =>
        $$"""{"address":"{{address}}","grpc_paths":["/sigil.Core/Sync"],"id":"{{id}}","region":"eu-west"}""";

    public static string State(string status, string lastSeen = "2026-11-23T10:00:00Z") =>
        $$"""{"grpc_path":"/sigil.Entry/Report","last_seen":"{{lastSeen}}","status":"{{status}}"}""";

    /// <summary>The data keys of the base network (<see cref="Hooks.Network.WriteBase"/>), by key.</summary>
    public static Dictionary<string, string> BaseNetwork() => new(StringComparer.Ordinal)
    {
        ["/sigil/network"] = """{"name":"test-net","sync_interval":"30s"}""",
        ["/sigil/nodes/core/core-1"] = Core("core-1", "10.0.1.1:7000"),
        ["/sigil/nodes/core/core-2"] = Core("core-2", "10.0.1.2:7000"),
        ["/sigil/nodes/entry/e-1"] = Entry("e-1", "core-1", "10.0.0.1:443"),
        ["/sigil/nodes/entry/e-10"] = Entry("e-10", "core-1", "10.0.0.10:443"),
        ["/sigil/nodes/entry/e-2"] = Entry("e-2", "core-2", "10.0.0.2:443"),
        ["/sigil/state/core-1/entries/e-1"] = State("up"),
    };
}
