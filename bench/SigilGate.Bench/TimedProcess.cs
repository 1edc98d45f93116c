using System.Diagnostics;

namespace SigilGate.Bench;

/// <summary>
/// Runs one process and times it as a caller such as git would see it: from just before the
/// fork to the moment it has exited and both pipes are drained. System.Diagnostics.Process
/// directly (no wrapper), so the harness adds as little as it can; the cost that remains is
/// measured by timing /bin/true the same way.
/// </summary>
internal static class TimedProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static async Task<TimedRun> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        string? input = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        using var cancellation = new CancellationTokenSource(Timeout);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync(cancellation.Token);
        var error = process.StandardError.ReadToEndAsync(cancellation.Token);
        try
        {
            if (input is not null) await process.StandardInput.WriteAsync(input.AsMemory(), cancellation.Token).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited without reading its input (e.g. --help): its exit code tells.
        }

        try
        {
            await process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
            await Task.WhenAll(output, error).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {Timeout}");
        }

        clock.Stop();
        return new TimedRun(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false), clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Runs and throws unless the exit code is the expected one.</summary>
    public static async Task<TimedRun> RunCheckedAsync(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        string? input = null,
        int expectedExit = 0)
    {
        var run = await RunAsync(program, arguments, workingDirectory, environment, input).ConfigureAwait(false);
        if (run.ExitCode != expectedExit)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} in {workingDirectory}: expected exit {expectedExit}, got {run}");
        }

        return run;
    }
}
