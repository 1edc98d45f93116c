namespace SigilGate.Testing.Soak;

/// <summary>
/// The soak's network (<see cref="RepositoryFixture{TEtcd}"/> over a three-member etcd cluster): a
/// bare repository with the published hooks, the operator's clone, and one clone per Core node set
/// up as install-node.sh does it.
/// </summary>
public sealed class SoakWorld : IAsyncDisposable
{
    public const string Prefix = SigilJson.Prefix;

    private readonly RepositoryFixture<EtcdCluster> repository;

    private SoakWorld(SoakOptions options, RepositoryFixture<EtcdCluster> repository, IReadOnlyList<Clone> nodes)
    {
        Options = options;
        this.repository = repository;
        Nodes = nodes;
    }

    public SoakOptions Options { get; }

    public EtcdCluster Cluster => repository.Etcd;

    public GitEnvironment Environment => repository.Environment;

    public BareRepository Bare => repository.Bare;

    public Clone OperatorClone => repository.Clone;

    /// <summary>Node clones, in the order of <see cref="SoakOptions.CoreIds"/>.</summary>
    public IReadOnlyList<Clone> Nodes { get; }

    public static async Task<SoakWorld> CreateAsync(SoakOptions options, SoakLedger ledger)
    {
        var nodes = new List<Clone>();
        var repository = await RepositoryFixture<EtcdCluster>.CreateAsync(await EtcdCluster.StartNewAsync(3).ConfigureAwait(false), then: async made =>
        {
            await PushBaseAsync(options, made.Clone, ledger).ConfigureAwait(false);
            foreach (var _ in options.CoreIds) nodes.Add(await made.NodeCloneAsync().ConfigureAwait(false));
        }).ConfigureAwait(false);
        return new SoakWorld(options, repository, nodes);
    }

    /// <summary>Runs etcdctl against every member (a dead one is skipped by the client), with optional standard input.</summary>
    public Task<ProcessResult> EtcdctlAsync(IReadOnlyList<string> arguments, string? input = null) => Etcdctl.TryAsync(Cluster.Endpoints, arguments, input);

    // sigil.yaml (root may change anything, alice everything else), the network, the cores, and
    // for every core its entries with a first state record each.
    private static async Task PushBaseAsync(SoakOptions options, Clone clone, SoakLedger ledger)
    {
        clone.Write("sigil.yaml", "roots: [root]\noperators: [alice]\n");
        clone.Write("network.yaml", "name: soak-net\nsync_interval: 30s\n");
        var first = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        for (var c = 1; c <= options.Cores; c++)
        {
            clone.Write($"nodes/core/core-{c}.yaml", $"id: core-{c}\naddress: 10.0.{c}.1:7000\nregion: eu-west\n");
            for (var k = 1; k <= options.EntriesPerCore; k++)
            {
                var entry = SoakRecords.Entry(c, k, SoakRecords.FirstPort, enabled: true);
                var entryPath = SoakRecords.EntryPath(c, k);
                clone.Write(entryPath, entry.Yaml);
                ledger.Add(new SoakWrite(SoakRecords.InitialEntryMarker(entryPath), entryPath, "init", entry.Json, null, null, 0));

                var statePath = SoakRecords.StatePath(c, k);
                var marker = SoakRecords.Marker("init", (c * 100) + k);
                var state = SoakRecords.State("unknown", first, marker);
                clone.Write(statePath, state.Yaml);
                ledger.Add(new SoakWrite(marker, statePath, "init", state.Json, null, null, 0));
            }
        }

        await clone.PushAcceptedAsync("soak: base network").ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => repository.DisposeAsync();
}
