namespace SigilGate.EndToEnd.Tests.Hooks;

/// <summary>A small valid network, written into clones by the tests.</summary>
internal static class Network
{
    public const string Policy = """
        roots: [root]
        operators: [alice]
        """;

    public const string Settings = """
        name: test-net
        sync_interval: 30s
        """;

    public static string Core(string id, string address) => $"""
        id: {id}
        address: {address}
        region: eu-west
        grpc_paths: [/sigil.Core/Sync]
        """;

    public static string Entry(string id, string core, string address, bool enabled = true) => $"""
        id: {id}
        core: {core}
        address: {address}
        enabled: {(enabled ? "true" : "false")}
        """;

    public static string State(string status) => $"""
        status: {status}
        last_seen: 2026-11-23T10:00:00Z
        grpc_path: /sigil.Entry/Report
        """;

    /// <summary>Writes sigil.yaml, network.yaml, core-1, core-2 and entries e-1, e-10 (on core-1) and e-2 (on core-2).</summary>
    public static void WriteBase(SigilGate.Testing.Git.Clone clone)
    {
        clone.Write("sigil.yaml", Policy);
        clone.Write("network.yaml", Settings);
        clone.Write("nodes/core/core-1.yaml", Core("core-1", "10.0.1.1:7000"));
        clone.Write("nodes/core/core-2.yaml", Core("core-2", "10.0.1.2:7000"));
        clone.Write("nodes/entry/e-1.yaml", Entry("e-1", "core-1", "10.0.0.1:443"));
        clone.Write("nodes/entry/e-10.yaml", Entry("e-10", "core-1", "10.0.0.10:443"));
        clone.Write("nodes/entry/e-2.yaml", Entry("e-2", "core-2", "10.0.0.2:443"));
        clone.Write("state/core-1/entries/e-1.yaml", State("up"));
        clone.Write("README.md", "# test network\n");
    }
}
