using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Net;

namespace SigilGate.Testing.Servers;

/// <summary>
/// A server the tests start as a child process (sshd, nginx, fcgiwrap), in the foreground so its
/// pid is the server's own, and stop by that pid: SIGTERM, then SIGKILL of what is left.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private readonly Process process;
    private readonly OutputTail output = new(40);

    private ServerProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    public string Name { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the server printed (for failure messages).</summary>
    public string Output => output.Text;

    /// <param name="environment">Variables to set (null: remove); the rest is inherited.</param>
    public static ServerProcess Start(string name, string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) info.Environment.Remove(key);
            else info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        ProcessReaper.Track(process);
        var server = new ServerProcess(name, process);
        process.ErrorDataReceived += (_, e) => server.output.Add(e.Data);
        process.OutputDataReceived += (_, e) => server.output.Add(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return server;
    }

    /// <summary>Waits until <paramref name="ready"/> holds; fails at once if the server exits first.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> ready, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (process.HasExited) throw new InvalidOperationException($"{Name} exited during start-up (exit code {process.ExitCode}): {Output}");
            if (await ready().ConfigureAwait(false)) return;
            await Task.Delay(20).ConfigureAwait(false);
        }

        throw new TimeoutException($"{Name} not ready after {timeout.TotalSeconds:0.#}s: {Output}");
    }

    /// <summary>Whether something accepts connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> ListensAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM by pid (sshd, nginx and fcgiwrap shut down cleanly on it), then SIGKILL of the tree if it lingers.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }

        using var grace = new CancellationTokenSource(StopGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    // The Process object is not disposed: ProcessReaper still asks it whether it has exited.
    public ValueTask DisposeAsync() => new(StopAsync());
}
