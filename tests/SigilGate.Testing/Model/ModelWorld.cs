namespace SigilGate.Testing.Model;

/// <summary>
/// The model's real parts (<see cref="RepositoryFixture{TEtcd}"/> over one etcd): a bare repository
/// with the published hooks (its reflog on, so every tip the branch ever had can be read back), the
/// operator's up-to-date clone, a second operator clone that is pulled only when it is used (an old
/// main), and each Core node's clone configured as install-node.sh does.
/// </summary>
public sealed class ModelWorld : IAsyncDisposable
{
    private readonly RepositoryFixture<EtcdServer> repository;

    private ModelWorld(RepositoryFixture<EtcdServer> repository, Clone stale, IReadOnlyList<Clone> nodes)
    {
        this.repository = repository;
        Stale = stale;
        Nodes = nodes;
    }

    public EtcdServer Etcd => repository.Etcd;

    public GitEnvironment Environment => repository.Environment;

    public BareRepository Bare => repository.Bare;

    /// <summary>The operator's clone, brought to the tip before each use.</summary>
    public Clone Fresh => repository.Clone;

    /// <summary>Another operator clone, left at whatever main it last saw.</summary>
    public Clone Stale { get; }

    /// <summary>Node clones in the order of <see cref="ModelRecords.Cores"/>.</summary>
    public IReadOnlyList<Clone> Nodes { get; }

    public static async Task<ModelWorld> CreateAsync()
    {
        Clone stale = null!;
        var nodes = new List<Clone>();
        var repository = await RepositoryFixture<EtcdServer>.CreateAsync(await EtcdServer.StartNewAsync().ConfigureAwait(false), then: async made =>
        {
            await made.Bare.GitAsync("config", "core.logAllRefUpdates", "always").ConfigureAwait(false);
            await PushBaseAsync(made.Clone).ConfigureAwait(false);
            stale = await made.CloneAsync().ConfigureAwait(false);
            foreach (var _ in ModelRecords.Cores) nodes.Add(await made.NodeCloneAsync().ConfigureAwait(false));
        }).ConfigureAwait(false);
        return new ModelWorld(repository, stale, nodes);
    }

    private static async Task PushBaseAsync(Clone clone)
    {
        clone.Write("sigil.yaml", ModelRecords.Policy);
        clone.Write(ModelRecords.NetworkPath, ModelRecords.Network(0));
        foreach (var core in ModelRecords.Cores) clone.Write(ModelRecords.CorePath(core), ModelRecords.Core(core, 0));
        for (var e = 1; e <= ModelRecords.FirstEntries; e++)
        {
            clone.Write(ModelRecords.EntryPath(e), ModelRecords.Entry(e, 0, enabled: true));
            clone.Write(ModelRecords.StatePath(e), ModelRecords.State(new Random(e), 0).Replace("/m/0", "/m/0-" + e, StringComparison.Ordinal));
        }

        await clone.PushAcceptedAsync("model: base network").ConfigureAwait(false);
    }

    /// <summary>Runs etcdctl against the model's etcd; the result as it is, failures included.</summary>
    public Task<ProcessResult> EtcdctlAsync(params string[] arguments) => Etcdctl.TryAsync(Etcd.Endpoint, arguments);

    /// <summary>Every key under the prefix with its value, and etcd's revision.</summary>
    public async Task<(Dictionary<string, string> Keys, long Revision)> ReadEtcdAsync()
    {
        var range = await Etcd.GetAsync("--prefix", ModelRecords.Prefix + "/").ConfigureAwait(false);
        return (range.Values, range.Revision);
    }

    public ValueTask DisposeAsync() => repository.DisposeAsync();
}
