using SigilGate.Testing.Git;

namespace SigilGate.EndToEnd.Tests.Pusher;

/// <summary>A Core node's working clone, configured as install-node.sh does, and its pusher run as a real process.</summary>
internal sealed class NodeClone : IDisposable
{
    private NodeClone(string node, Clone clone)
    {
        Node = node;
        Clone = clone;
    }

    public string Node { get; }

    public Clone Clone { get; }

    public static async Task<NodeClone> CreateAsync(BareRepository bare, string node, string etcdEndpoints)
    {
        var clone = await Clone.OfAsync(bare);
        clone.Write("sigil.json", $$"""{ "Etcd": { "Endpoints": "{{etcdEndpoints}}", "TimeoutSeconds": 3 }, "Sigil": { "Prefix": "/sigil" } }""");
        File.AppendAllText(Path.Combine(clone.Path, ".git", "info", "exclude"), "sigil.json\n");
        return new NodeClone(node, clone);
    }

    public Task<ProcessResult> PushAsync() =>
        Processes.RunAsync(SigilBinaries.Path("sigil"), ["push", "--node", Node, "--workdir", Clone.Path], Clone.Path, Clone.Environment.Variables);

    public void Dispose() => Clone.Dispose();
}
