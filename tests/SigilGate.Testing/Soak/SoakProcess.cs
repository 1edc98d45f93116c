using System.Diagnostics;
using System.Text;
using SigilGate.Testing.Git;

namespace SigilGate.Testing.Soak;

/// <summary>
/// Runs <c>sigil</c> as a real process that may be killed with SIGKILL part-way, as a crash, the
/// OOM killer or a reboot would. Only the process itself dies: git processes it started run on,
/// as they would when their parent crashes.
/// </summary>
internal static class SoakProcess
{
    // Far above a healthy run (seconds); runs of a minute were seen on a loaded two-core machine.
    // The wait includes git processes a killed sigil left behind: they hold its standard error.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(240);

    public sealed record Outcome(int? ExitCode, bool Killed, string StandardError, double Milliseconds)
    {
        /// <summary>The last line of standard error, for the trace.</summary>
        public string Summary => StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "";
    }

    public static async Task<Outcome> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan? killAfter)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }

        var watch = Stopwatch.StartNew();
        var error = new StringBuilder();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (error) error.Append(e.Data).Append('\n');
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var exited = process.WaitForExitAsync();
        var killed = false;
        if (killAfter is { } delay && await Task.WhenAny(exited, Task.Delay(delay)).ConfigureAwait(false) != exited)
        {
            try
            {
                process.Kill(entireProcessTree: false);
                killed = true;
            }
            catch (InvalidOperationException)
            {
                // It exited just now.
            }
        }

        if (await Task.WhenAny(exited, Task.Delay(Limit)).ConfigureAwait(false) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} still running after {Limit.TotalSeconds:0} s");
        }

        await exited.ConfigureAwait(false);
        string text;
        lock (error) text = error.ToString();
        return new Outcome(killed ? null : process.ExitCode, killed, text, watch.Elapsed.TotalMilliseconds);
    }

    public static Task<Outcome> SigilAsync(IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan? killAfter) =>
        RunAsync(SigilBinaries.Path("sigil"), arguments, workingDirectory, environment, killAfter);
}
