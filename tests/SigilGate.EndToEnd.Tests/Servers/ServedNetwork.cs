namespace SigilGate.EndToEnd.Tests.Servers;

/// <summary>The network the server specs push: <see cref="Network"/>'s base, with the identities the servers authenticate.</summary>
internal static class ServedNetwork
{
    public const string Operator = "operator-ann";

    public const string Policy = $"""
        roots: [root]
        operators: [{Operator}]
        """;

    /// <summary>The base network, core-3 with entry e-3, and this policy.</summary>
    public static void WriteBase(Clone clone)
    {
        Network.WriteBase(clone);
        clone.Write("sigil.yaml", Policy);
        clone.Write("nodes/core/core-3.yaml", Network.Core("core-3", "10.0.1.3:7000"));
        clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-3", "10.0.0.3:443"));
    }

    /// <summary>A state record's JSON as a node agent writes it in etcd.</summary>
    public static string StateJson(string status, int minute = 0) =>
        $"{{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T11:{minute:00}:00Z\",\"status\":\"{status}\"}}";

    /// <summary>The lines a push printed, without the padding git adds to each remote line.</summary>
    public static string[] Lines(ProcessResult push) => push.StandardError.Split('\n').Select(l => l.TrimEnd()).ToArray();
}
