using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SigilGate.Testing.Soak;

/// <summary>
/// Runs each Core node's <c>sigil push</c> and the server's <c>sigil apply</c> on random schedules,
/// killing some runs part-way with SIGKILL. Whatever a run prints must be a message, never a stack trace.
/// </summary>
internal sealed partial class SigilRunner(SoakWorld world, SoakTrace trace)
{
    private const double KillShare = 0.25;

    public ConcurrentQueue<string> Problems { get; } = new();

    public int Runs => runs;

    public int Killed => killed;

    private int runs;
    private int killed;

    public async Task PushLoopAsync(int nodeIndex, Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await SoakDelay.Between(random, 400, 3000, stop).ConfigureAwait(false);
            if (stop.IsCancellationRequested) break;
            await PushAsync(nodeIndex, KillAfter(random)).ConfigureAwait(false);
        }
    }

    public async Task ApplyLoopAsync(Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await SoakDelay.Between(random, 2000, 8000, stop).ConfigureAwait(false);
            if (stop.IsCancellationRequested) break;
            await ApplyAsync(KillAfter(random)).ConfigureAwait(false);
        }
    }

    public Task<SoakProcess.Outcome> PushAsync(int nodeIndex, TimeSpan? killAfter = null)
    {
        var node = world.Options.CoreIds[nodeIndex];
        var clone = world.Nodes[nodeIndex];
        return RunAsync(node, ["push", "--node", node, "--workdir", clone.Path], clone.Path, killAfter);
    }

    public Task<SoakProcess.Outcome> ApplyAsync(TimeSpan? killAfter = null) =>
        RunAsync("apply", ["apply", "--repo", world.Bare.Path], world.Bare.Path, killAfter);

    private async Task<SoakProcess.Outcome> RunAsync(string actor, IReadOnlyList<string> arguments, string directory, TimeSpan? killAfter)
    {
        var outcome = await SoakProcess.SigilAsync(arguments, directory, world.Environment.Variables, killAfter).ConfigureAwait(false);
        Interlocked.Increment(ref runs);
        if (outcome.Killed) Interlocked.Increment(ref killed);
        var how = outcome.Killed ? $"killed after {outcome.Milliseconds:0} ms" : $"exit {outcome.ExitCode} in {outcome.Milliseconds:0} ms";
        trace.Line(actor, $"sigil {arguments[0]} {how}: {outcome.Summary}");
        if (StackTrace().IsMatch(outcome.StandardError) || outcome.StandardError.Contains("Unhandled exception", StringComparison.Ordinal))
        {
            Problems.Enqueue($"sigil {string.Join(' ', arguments)} printed a stack trace:\n{outcome.StandardError}");
        }

        return outcome;
    }

    private static TimeSpan? KillAfter(Random random) =>
        random.NextDouble() < KillShare ? TimeSpan.FromMilliseconds(random.Next(20, 2500)) : null;

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackTrace();
}
