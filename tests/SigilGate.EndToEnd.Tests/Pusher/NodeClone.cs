using SigilGate.Testing;
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

    /// <param name="etcdEndpoints">One URL, or every member of a cluster, comma-separated.</param>
    /// <param name="access">TLS files and credentials for the clone's sigil.json, if etcd needs them.</param>
    public static async Task<NodeClone> CreateAsync(BareRepository bare, string node, string etcdEndpoints, EtcdAccess? access = null)
    {
        var clone = await Clone.OfAsync(bare);
        clone.Write("sigil.json", SigilJson.Text(etcdEndpoints, "/sigil", access, branch: null));
        File.AppendAllText(Path.Combine(clone.Path, ".git", "info", "exclude"), "sigil.json\n");
        return new NodeClone(node, clone);
    }

    public Task<ProcessResult> PushAsync() =>
        Processes.RunAsync(SigilBinaries.Path("sigil"), ["push", "--node", Node, "--workdir", Clone.Path], Clone.Path, Clone.Environment.Variables);

    public void Dispose() => Clone.Dispose();
}
