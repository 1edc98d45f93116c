using SigilGate.Domain.Configuration;

namespace SigilGate.Testing;

/// <summary>A real etcd cluster of several members on loopback, each on free ports with its own data directory.</summary>
public sealed class EtcdCluster : IEtcd
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly IReadOnlyList<EtcdMember> members;
    private readonly string root;

    private EtcdCluster(IReadOnlyList<EtcdMember> members, string root)
    {
        this.members = members;
        this.root = root;
    }

    /// <summary>Every member's client URL, comma-separated, as Etcd:Endpoints takes them.</summary>
    public string Endpoints => string.Join(',', members.Select(m => m.Endpoint));

    public IReadOnlyList<string> EndpointList => members.Select(m => m.Endpoint).ToList();

    public int Count => members.Count;

    /// <summary>Starts all members together (they elect a leader once a majority is up) and waits until each serves.</summary>
    public static async Task<EtcdCluster> StartNewAsync(int size = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var root = TempDirectory.Create("cluster");
        var ports = EtcdPorts.Take(size);
        var names = Enumerable.Range(0, size).Select(i => $"m{i}").ToList();
        var initial = string.Join(',', names.Select((n, i) => $"{n}=http://127.0.0.1:{ports[i].Peer}"));
        var members = names
            .Select((n, i) => new EtcdMember(n, ports[i], Path.Combine(root, n), initial, EtcdTiming.Cluster))
            .ToList();
        var cluster = new EtcdCluster(members, root);
        try
        {
            members.ForEach(m => m.Launch());
            await Task.WhenAll(members.Select(m => m.WaitHealthyAsync(StartTimeout))).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public string Endpoint(int index) => members[index].Endpoint;

    public bool IsRunning(int index) => members[index].IsRunning;

    /// <summary>Settings that point the suite at all members.</summary>
    public EtcdSettings Settings(int timeoutSeconds = 5) => new(Endpoints: Endpoints, TimeoutSeconds: timeoutSeconds);

    /// <summary>Kills one member (SIGKILL).</summary>
    public Task KillAsync(int index) => members[index].KillAsync();

    /// <summary>Stops one member cleanly (SIGTERM).</summary>
    public Task StopAsync(int index) => members[index].StopAsync();

    /// <summary>Starts a stopped member again with its data and waits until it has rejoined.</summary>
    public async Task StartAsync(int index)
    {
        members[index].Launch();
        await members[index].WaitHealthyAsync(StartTimeout).ConfigureAwait(false);
    }

    /// <summary>The index of the member that is leader now (read from each running member's metrics).</summary>
    public async Task<int> LeaderIndexAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        do
        {
            for (var i = 0; i < members.Count; i++)
            {
                if (members[i].IsRunning && await EtcdHttp.IsLeaderAsync(members[i].MetricsUrl).ConfigureAwait(false))
                {
                    return i;
                }
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException("no etcd member reports itself leader");
    }

    /// <summary>Runs etcdctl against the running members and returns its standard output.</summary>
    public Task<string> EtcdctlAsync(params string[] arguments) =>
        Etcdctl.RunAsync(string.Join(',', members.Where(m => m.IsRunning).Select(m => m.Endpoint)), arguments);

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(members.Select(m => m.KillAsync())).ConfigureAwait(false);
        TempDirectory.Delete(root);
    }
}
