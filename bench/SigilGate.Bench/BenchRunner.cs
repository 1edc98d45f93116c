using System.Diagnostics;
using System.Globalization;

namespace SigilGate.Bench;

/// <summary>Runs the chosen scenarios in one process and prints every figure against its baseline.</summary>
internal static class BenchRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var output = Console.Out;
        if (args.Contains("--help") || args.Contains("-h"))
        {
            await output.WriteLineAsync(BenchOptions.Usage).ConfigureAwait(false);
            return 0;
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync("bench: " + exception.Message).ConfigureAwait(false);
            return 2;
        }

        try
        {
            await Machine.DescribeAsync(output, args).ConfigureAwait(false);
            var figures = await RunScenariosAsync(options, output).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"== summary (load average now {Machine.LoadAverage()})").ConfigureAwait(false);
            foreach (var figure in figures) await output.WriteLineAsync(figure.Line()).ConfigureAwait(false);
            return figures.Any(f => f.Pass == false) ? 1 : 0;
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            await Console.Error.WriteLineAsync("bench: error: " + exception.Message).ConfigureAwait(false);
            return 2;
        }
    }

    private static async Task<List<Figure>> RunScenariosAsync(BenchOptions options, TextWriter output)
    {
        var figures = new List<Figure>();
        PushMeasurements? push = null;
        if (options.Wants("push") || options.Wants("quarantine"))
        {
            var clock = await BeginAsync(output, "1. one-file push: hooks vs no hooks").ConfigureAwait(false);
            push = await PushScenario.MeasureAsync(options.RunsOr(30), options.WarmupOr(5), output).ConfigureAwait(false);
            figures.Add(PushScenario.Figure(push));
            await EndAsync(output, clock).ConfigureAwait(false);
        }

        if (options.Wants("pre-commit"))
        {
            var clock = await BeginAsync(output, "2. pre-commit on the example network").ConfigureAwait(false);
            figures.AddRange(await PreCommitScenario.RunAsync(options.RunsOr(40), options.WarmupOr(5), output).ConfigureAwait(false));
            await EndAsync(output, clock).ConfigureAwait(false);
        }

        if (options.Wants("apply"))
        {
            var clock = await BeginAsync(output, $"3. sigil apply of {ApplyScenario.Entries:N0} records vs a minimal client").ConfigureAwait(false);
            figures.AddRange(await ApplyScenario.RunAsync(options.RunsOr(10), options.WarmupOr(0), output).ConfigureAwait(false));
            await EndAsync(output, clock).ConfigureAwait(false);
        }

        if (options.Wants("quarantine"))
        {
            var clock = await BeginAsync(output, "4. quarantine: pre-receive's read of the pushed objects").ConfigureAwait(false);
            figures.AddRange(await QuarantineScenario.RunAsync(push!, options.RunsOr(40), options.WarmupOr(5), output).ConfigureAwait(false));
            await EndAsync(output, clock).ConfigureAwait(false);
        }

        if (options.Wants("pusher"))
        {
            var clock = await BeginAsync(output, "5. sigil push on a Core node: idle and changed runs by area size").ConfigureAwait(false);
            figures.AddRange(await PusherScenario.RunAsync(options.RunsOr(20), options.WarmupOr(5), output).ConfigureAwait(false));
            await EndAsync(output, clock).ConfigureAwait(false);
        }

        if (options.Wants("drift"))
        {
            var clock = await BeginAsync(output, $"6. sigil drift over {DriftScenario.Entries:N0} records vs etcdctl get --prefix").ConfigureAwait(false);
            figures.AddRange(await DriftScenario.RunAsync(options.RunsOr(10), options.WarmupOr(2), output).ConfigureAwait(false));
            await EndAsync(output, clock).ConfigureAwait(false);
        }

        if (options.Wants("large-push"))
        {
            var clock = await BeginAsync(output, $"7. one push of {LargePushScenario.Entries:N0} new records through the hooks").ConfigureAwait(false);
            figures.AddRange(await LargePushScenario.RunAsync(options.RunsOr(3), output).ConfigureAwait(false));
            await EndAsync(output, clock).ConfigureAwait(false);
        }

        if (options.Wants("scale"))
        {
            var clock = await BeginAsync(output, $"9. scale at {string.Join(" / ", options.Sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))} records").ConfigureAwait(false);
            figures.AddRange(await ScaleScenario.RunAsync(options.Sizes, options.Runs, options.Warmup, output).ConfigureAwait(false));
            await EndAsync(output, clock).ConfigureAwait(false);
        }

        if (options.Wants("herd"))
        {
            var clock = await BeginAsync(output, $"10. {HerdScenario.Nodes} Core nodes' sigil push started in the same second").ConfigureAwait(false);
            figures.AddRange(await HerdScenario.RunAsync(output).ConfigureAwait(false));
            await EndAsync(output, clock).ConfigureAwait(false);
        }

        if (options.Wants("soak"))
        {
            var clock = await BeginAsync(output, "8. soak: records synchronised per second vs plain etcdctl puts").ConfigureAwait(false);
            figures.AddRange(await SoakScenario.RunAsync(output).ConfigureAwait(false));
            await EndAsync(output, clock).ConfigureAwait(false);
        }

        return figures;
    }

    private static async Task<Stopwatch> BeginAsync(TextWriter output, string title)
    {
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"== {title} (load average {Machine.LoadAverage()})").ConfigureAwait(false);
        return Stopwatch.StartNew();
    }

    private static Task EndAsync(TextWriter output, Stopwatch clock) =>
        output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  ({clock.Elapsed.TotalSeconds:0} s; load average {Machine.LoadAverage()})"));
}
