using SigilGate.Testing.Git;

namespace SigilGate.Testing.Soak;

/// <summary>
/// The soak's network: a three-member etcd cluster, a bare repository with the published hooks,
/// the operator's clone, and one clone per Core node set up as install-node.sh does it.
/// </summary>
public sealed class SoakWorld : IAsyncDisposable
{
    public const string Prefix = "/sigil";

    private SoakWorld(SoakOptions options, EtcdCluster cluster, GitEnvironment environment, BareRepository bare, Clone operatorClone, IReadOnlyList<Clone> nodes)
    {
        Options = options;
        Cluster = cluster;
        Environment = environment;
        Bare = bare;
        OperatorClone = operatorClone;
        Nodes = nodes;
    }

    public SoakOptions Options { get; }

    public EtcdCluster Cluster { get; }

    public GitEnvironment Environment { get; }

    public BareRepository Bare { get; }

    public Clone OperatorClone { get; }

    /// <summary>Node clones, in the order of <see cref="SoakOptions.CoreIds"/>.</summary>
    public IReadOnlyList<Clone> Nodes { get; }

    public static async Task<SoakWorld> CreateAsync(SoakOptions options, SoakLedger ledger)
    {
        var cluster = await EtcdCluster.StartNewAsync(3).ConfigureAwait(false);
        var environment = new GitEnvironment();
        var bare = await BareRepository.CreateAsync(environment, cluster.Endpoints, Prefix).ConfigureAwait(false);
        var operatorClone = await Clone.OfAsync(bare).ConfigureAwait(false);
        await PushBaseAsync(options, operatorClone, ledger).ConfigureAwait(false);

        var nodes = new List<Clone>();
        foreach (var _ in options.CoreIds)
        {
            var clone = await Clone.OfAsync(bare).ConfigureAwait(false);
            clone.Write("sigil.json", $$"""{ "Etcd": { "Endpoints": "{{cluster.Endpoints}}", "TimeoutSeconds": 3 }, "Sigil": { "Prefix": "{{Prefix}}" } }""");
            File.AppendAllText(Path.Combine(clone.Path, ".git", "info", "exclude"), "sigil.json\n");
            nodes.Add(clone);
        }

        return new SoakWorld(options, cluster, environment, bare, operatorClone, nodes);
    }

    /// <summary>Runs etcdctl against every member (a dead one is skipped by the client), with optional standard input.</summary>
    public Task<ProcessResult> EtcdctlAsync(IReadOnlyList<string> arguments, string? input = null) =>
        Processes.RunAsync(
            "etcdctl",
            ["--endpoints", Cluster.Endpoints, "--dial-timeout", "2s", "--command-timeout", "5s", .. arguments],
            Bare.Path,
            new Dictionary<string, string?> { ["ETCDCTL_API"] = "3" },
            input,
            TimeSpan.FromSeconds(30));

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

        await clone.CommitAllAsync("soak: base network").ConfigureAwait(false);
        var push = await clone.PushAsync("root").ConfigureAwait(false);
        if (push.ExitCode != 0) throw new InvalidOperationException("the base network was rejected: " + push);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes) node.Dispose();
        OperatorClone.Dispose();
        Bare.Dispose();
        Environment.Dispose();
        await Cluster.DisposeAsync().ConfigureAwait(false);
    }
}
