namespace SigilGate.EndToEnd.Tests.Pusher;

/// <summary>A Core node's working clone, configured as install-node.sh does, and its pusher run as a real process.</summary>
internal sealed class NodeClone : IDisposable
{
    private readonly string _sigil;

    private NodeClone(string node, Clone clone, string sigil)
    {
        Node = node;
        Clone = clone;
        _sigil = sigil;
    }

    public string Node { get; }

    public Clone Clone { get; }

    /// <param name="etcdEndpoints">One URL, or every member of a cluster, comma-separated.</param>
    /// <param name="access">TLS files and credentials for the clone's sigil.json, if etcd needs them.</param>
    public static async Task<NodeClone> CreateAsync(BareRepository bare, string node, string etcdEndpoints, EtcdAccess? access = null)
    {
        var clone = await Clone.OfAsync(bare);
        return Of(clone, node, etcdEndpoints, bare.Binaries, access);
    }

    /// <summary>Makes <paramref name="clone"/> (for example one over SSH, with the node's key) a Core node's clone, running <c>sigil</c> from <paramref name="binaries"/>.</summary>
    public static NodeClone Of(Clone clone, string node, string etcdEndpoints, string binaries, EtcdAccess? access = null)
    {
        clone.ConfigureAsNode(etcdEndpoints, SigilJson.Prefix, access);
        return new NodeClone(node, clone, Path.Combine(binaries, "sigil"));
    }

    /// <summary>Runs <c>sigil push</c> (from the executables the bare repository has as hooks), with extra environment variables.</summary>
    public Task<ProcessResult> PushAsync(params (string Name, string? Value)[] environment) =>
        Processes.RunAsync(_sigil, ["push", "--node", Node, "--workdir", Clone.Path], Clone.Path, Clone.Environment.With(environment));

    /// <summary>Runs <c>sigil push</c> with more options (<c>--json</c>, <c>--dry-run</c>, <c>--metrics-file F</c>).</summary>
    public Task<ProcessResult> PushWithAsync(params string[] options) =>
        Processes.RunAsync(_sigil, ["push", "--node", Node, "--workdir", Clone.Path, .. options], Clone.Path, Clone.Environment.With());

    /// <summary>Runs <c>sigil push</c> for this node with exactly these arguments (to make it fail).</summary>
    public Task<ProcessResult> RunSigilAsync(params string[] arguments) =>
        Processes.RunAsync(_sigil, arguments, Clone.Path, Clone.Environment.With());

    public void Dispose() => Clone.Dispose();
}
