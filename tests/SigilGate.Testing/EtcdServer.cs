using SigilGate.Domain.Configuration;

namespace SigilGate.Testing;

/// <summary>
/// A real single-member etcd on free loopback ports with a throwaway data directory. It can be
/// stopped or killed and started again on the same ports with the same data, to play an outage.
/// </summary>
public sealed class EtcdServer : IEtcd
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly EtcdMember member;

    private EtcdServer(EtcdMember member) => this.member = member;

    /// <summary>The client URL, e.g. <c>http://127.0.0.1:41234</c> (https with certificates).</summary>
    public string Endpoint => member.Endpoint;

    /// <summary>The one member's client URL (<see cref="IEtcd.Endpoints"/>).</summary>
    public string Endpoints => Endpoint;

    public int ClientPort => member.ClientPort;

    /// <summary>The directory holding the member's data directory and its log; removed on dispose.</summary>
    public string Directory => member.Root;

    public bool IsRunning => member.IsRunning;

    /// <summary>CPU time etcd has used since it started (benchmarks: what a client's writes cost the server).</summary>
    public TimeSpan ProcessorTime => member.ProcessorTime;

    /// <summary>
    /// Starts a new member and waits until it serves (typically under 200 ms). With
    /// <paramref name="tls"/>, clients must use https, trust its CA and present its client certificate.
    /// </summary>
    public static async Task<EtcdServer> StartNewAsync(TestCertificates? tls = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ports = EtcdPorts.Take(1)[0];
            var root = TempDirectory.Create("etcd");
            var member = new EtcdMember("solo", ports, root, $"solo=http://127.0.0.1:{ports.Peer}", EtcdTiming.Single, tls);
            try
            {
                member.Launch();
                await member.WaitHealthyAsync(StartTimeout).ConfigureAwait(false);
                return new EtcdServer(member);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Most likely a port taken between choosing and binding it: try fresh ports.
                await member.KillAsync().ConfigureAwait(false);
                TempDirectory.Delete(root);
            }
        }
    }

    /// <summary>Settings that point the suite at this server.</summary>
    public EtcdSettings Settings(int timeoutSeconds = 5) => new(Endpoints: Endpoint, TimeoutSeconds: timeoutSeconds);

    /// <summary>Shuts etcd down cleanly (SIGTERM) and waits for it to exit.</summary>
    public Task StopAsync() => member.StopAsync();

    /// <summary>Kills etcd (SIGKILL), as a crash would.</summary>
    public Task KillAsync() => member.KillAsync();

    /// <summary>Starts etcd again on the same ports and data, and waits until it serves.</summary>
    public async Task StartAsync()
    {
        member.Launch();
        await member.WaitHealthyAsync(StartTimeout).ConfigureAwait(false);
    }

    public void Stop() => StopAsync().GetAwaiter().GetResult();

    public void Kill() => KillAsync().GetAwaiter().GetResult();

    public void Start() => StartAsync().GetAwaiter().GetResult();

    /// <summary>Runs etcdctl against this server and returns its standard output.</summary>
    public Task<string> EtcdctlAsync(params string[] arguments) => Etcdctl.RunAsync(Endpoint, [.. member.EtcdctlFlags, .. arguments]);

    public async ValueTask DisposeAsync()
    {
        await member.KillAsync().ConfigureAwait(false);
        TempDirectory.Delete(member.Root);
    }
}
