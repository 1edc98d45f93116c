using System.Diagnostics;
using System.Globalization;

namespace SigilGate.Testing;

/// <summary>
/// One etcd process on loopback: fixed name, ports and data directory for its whole life, so it
/// can be stopped and started again as the same member with the same data.
/// </summary>
internal sealed class EtcdMember
{
    private readonly string initialCluster;
    private readonly EtcdTiming timing;
    private readonly TestCertificates? tls;
    private readonly OutputTail output = new(50);
    private Process? process;

    public EtcdMember(string name, EtcdPorts ports, string root, string initialCluster, EtcdTiming timing, TestCertificates? tls = null)
    {
        Name = name;
        ClientPort = ports.Client;
        PeerPort = ports.Peer;
        MetricsPort = ports.Metrics;
        Root = root;
        this.initialCluster = initialCluster;
        this.timing = timing;
        this.tls = tls;
        Directory.CreateDirectory(root);
    }

    public string Name { get; }

    public int ClientPort { get; }

    public int PeerPort { get; }

    public string Root { get; }

    public int MetricsPort { get; }

    /// <summary>The client URL: https when the member was given certificates.</summary>
    public string Endpoint => $"{(tls is null ? "http" : "https")}://127.0.0.1:{ClientPort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Plain HTTP /health and /metrics, also when clients must present a certificate.</summary>
    public string MetricsUrl => $"http://127.0.0.1:{MetricsPort.ToString(CultureInfo.InvariantCulture)}";

    public string PeerUrl => $"http://127.0.0.1:{PeerPort.ToString(CultureInfo.InvariantCulture)}";

    public string LogFile => Path.Combine(Root, "etcd.log");

    public bool IsRunning => process is { HasExited: false };

    /// <summary>CPU time (user and system) the running member has used since it started.</summary>
    public TimeSpan ProcessorTime => IsRunning ? process!.TotalProcessorTime : throw new InvalidOperationException($"etcd member {Name} is not running");

    /// <summary>The etcdctl flags a client of this member needs (its certificates, if any).</summary>
    public IReadOnlyList<string> EtcdctlFlags => tls is null
        ? []
        : ["--cacert", tls.CaFile, "--cert", tls.ClientCertFile, "--key", tls.ClientKeyFile];

    /// <summary>Starts the process (no-op while it runs); <see cref="WaitHealthyAsync"/> waits for it to serve.</summary>
    public void Launch()
    {
        if (IsRunning)
        {
            return;
        }

        // Some of etcd 3.4 (capnslog, grpc-go) writes to stderr whatever --log-outputs says: keep
        // it out of the test output, and the last lines for a failure message.
        var info = new ProcessStartInfo("etcd") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in Arguments())
        {
            info.ArgumentList.Add(argument);
        }

        process = Process.Start(info) ?? throw new InvalidOperationException("could not start etcd");
        ProcessReaper.Track(process);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    /// <summary>Waits until /health says true (the member has a leader and no alarm).</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (process is null || process.HasExited)
            {
                throw new InvalidOperationException($"etcd member {Name} exited during start-up (exit code {process?.ExitCode}); log: {ReadLogTail()}");
            }

            if (await EtcdHttp.IsHealthyAsync(MetricsUrl).ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(10).ConfigureAwait(false);
        }

        throw new TimeoutException($"etcd member {Name} at {Endpoint} not healthy after {timeout.TotalSeconds:0.#}s; log: {ReadLogTail()}");
    }

    /// <summary>SIGTERM and wait: etcd shuts down cleanly.</summary>
    public async Task StopAsync()
    {
        if (!IsRunning)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process!.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await KillAsync().ConfigureAwait(false);
        }
    }

    /// <summary>SIGKILL: the member dies at once, as in a crash or a power cut.</summary>
    public async Task KillAsync()
    {
        if (!IsRunning)
        {
            return;
        }

        process!.Kill(entireProcessTree: true);
        await process.WaitForExitAsync().ConfigureAwait(false);
    }

    public string ReadLogTail()
    {
        string text;
        try
        {
            text = File.ReadAllText(LogFile);
        }
        catch (IOException)
        {
            text = "";
        }

        text += output.Text;
        return text.Length > 2000 ? text[^2000..] : text;
    }

    private IEnumerable<string> Arguments()
    {
        var data = Path.Combine(Root, "data");
        IEnumerable<string> certificates = tls is null
            ? []
            : ["--cert-file", tls.ServerCertFile, "--key-file", tls.ServerKeyFile, "--trusted-ca-file", tls.CaFile, "--client-cert-auth"];
        return
        [
            .. certificates,
            "--name", Name,
            "--data-dir", data,
            "--listen-client-urls", Endpoint,
            "--advertise-client-urls", Endpoint,
            "--listen-metrics-urls", MetricsUrl,
            "--listen-peer-urls", PeerUrl,
            "--initial-advertise-peer-urls", PeerUrl,
            "--initial-cluster", initialCluster,
            "--initial-cluster-state", "new",
            "--initial-cluster-token", "sigil-test",
            "--heartbeat-interval", timing.HeartbeatMilliseconds.ToString(CultureInfo.InvariantCulture),
            "--election-timeout", timing.ElectionMilliseconds.ToString(CultureInfo.InvariantCulture),
            "--logger", "zap",
            "--log-level", "error",
            "--log-outputs", LogFile,
        ];
    }
}
