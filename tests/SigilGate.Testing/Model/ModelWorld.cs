using System.Text;
using System.Text.Json;
using SigilGate.Testing.Git;

namespace SigilGate.Testing.Model;

/// <summary>
/// The model's real parts: one etcd, a bare repository with the published hooks (its reflog on,
/// so every tip the branch ever had can be read back), the operator's up-to-date clone, a second
/// operator clone that is pulled only when it is used (an old main), and each Core node's clone
/// configured as install-node.sh does.
/// </summary>
public sealed class ModelWorld : IAsyncDisposable
{
    private ModelWorld(EtcdServer etcd, GitEnvironment environment, BareRepository bare, Clone fresh, Clone stale, IReadOnlyList<Clone> nodes)
    {
        Etcd = etcd;
        Environment = environment;
        Bare = bare;
        Fresh = fresh;
        Stale = stale;
        Nodes = nodes;
    }

    public EtcdServer Etcd { get; }

    public GitEnvironment Environment { get; }

    public BareRepository Bare { get; }

    /// <summary>The operator's clone, brought to the tip before each use.</summary>
    public Clone Fresh { get; }

    /// <summary>Another operator clone, left at whatever main it last saw.</summary>
    public Clone Stale { get; }

    /// <summary>Node clones in the order of <see cref="ModelRecords.Cores"/>.</summary>
    public IReadOnlyList<Clone> Nodes { get; }

    public static async Task<ModelWorld> CreateAsync()
    {
        var etcd = await EtcdServer.StartNewAsync().ConfigureAwait(false);
        var environment = new GitEnvironment();
        var bare = await BareRepository.CreateAsync(environment, etcd.Endpoint, ModelRecords.Prefix).ConfigureAwait(false);
        await bare.GitAsync("config", "core.logAllRefUpdates", "always").ConfigureAwait(false);
        var fresh = await Clone.OfAsync(bare).ConfigureAwait(false);
        await PushBaseAsync(fresh).ConfigureAwait(false);
        var stale = await Clone.OfAsync(bare).ConfigureAwait(false);
        var nodes = new List<Clone>();
        foreach (var _ in ModelRecords.Cores)
        {
            var clone = await Clone.OfAsync(bare).ConfigureAwait(false);
            clone.Write("sigil.json", SigilJson.Text(etcd.Endpoint, ModelRecords.Prefix, branch: null));
            File.AppendAllText(Path.Combine(clone.Path, ".git", "info", "exclude"), "sigil.json\n");
            nodes.Add(clone);
        }

        return new ModelWorld(etcd, environment, bare, fresh, stale, nodes);
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

        await clone.CommitAllAsync("model: base network").ConfigureAwait(false);
        var push = await clone.PushAsync("root").ConfigureAwait(false);
        if (push.ExitCode != 0) throw new InvalidOperationException("the base network was rejected: " + push);
    }

    /// <summary>Runs etcdctl against the model's etcd.</summary>
    public Task<ProcessResult> EtcdctlAsync(params string[] arguments) =>
        Processes.RunAsync("etcdctl", ["--endpoints", Etcd.Endpoint, "--dial-timeout", "2s", "--command-timeout", "5s", .. arguments],
            Bare.Path, new Dictionary<string, string?> { ["ETCDCTL_API"] = "3" }, timeout: TimeSpan.FromSeconds(30));

    /// <summary>Every key under the prefix with its value, and etcd's revision.</summary>
    public async Task<(Dictionary<string, string> Keys, long Revision)> ReadEtcdAsync()
    {
        var result = await EtcdctlAsync("get", "--prefix", ModelRecords.Prefix + "/", "-w", "json").ConfigureAwait(false);
        if (result.ExitCode != 0) throw new InvalidOperationException("etcdctl get failed: " + result);
        using var document = JsonDocument.Parse(result.StandardOutput);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document.RootElement.TryGetProperty("kvs", out var kvs))
        {
            foreach (var kv in kvs.EnumerateArray())
            {
                keys[Encoding.UTF8.GetString(kv.GetProperty("key").GetBytesFromBase64())] = Encoding.UTF8.GetString(kv.GetProperty("value").GetBytesFromBase64());
            }
        }

        return (keys, document.RootElement.GetProperty("header").GetProperty("revision").GetInt64());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes) node.Dispose();
        Stale.Dispose();
        Fresh.Dispose();
        Bare.Dispose();
        Environment.Dispose();
        await Etcd.DisposeAsync().ConfigureAwait(false);
    }
}
