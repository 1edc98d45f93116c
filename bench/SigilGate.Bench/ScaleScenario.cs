using System.Diagnostics;
using System.Globalization;
using SigilGate.Testing.Git;
using SigilGate.Testing;

namespace SigilGate.Bench;

/// <summary>
/// 9. The scale figures at each size of <c>--sizes</c>: one etcd, and per size a network of N
/// entries and 3 Cores (its first push measured while it is set up) and core-1's area of N entries
/// and N state records. Then the one-file push, <c>sigil drift</c> and the pusher are measured
/// with the sizes taking turns, so the ratios across sizes come from the same minutes; last, extra
/// runs under /usr/bin/time give each executable's peak memory.
/// </summary>
internal static class ScaleScenario
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(IReadOnlyList<int> sizes, int? runs, int? warmup, TextWriter output)
    {
        if (!File.Exists(PeakMemory.Time)) throw new InvalidOperationException($"{PeakMemory.Time} is missing (Debian package 'time'; bench/run.sh installs it)");
        await using var etcd = await EtcdServer.StartNewAsync().ConfigureAwait(false);
        using var environment = new GitEnvironment();
        using var peaks = new PeakMemory();
        var subjects = new List<ScaleSubject>();
        try
        {
            foreach (var size in sizes.Order())
            {
                var subject = new ScaleSubject(size);
                subjects.Add(subject);
                var clock = Stopwatch.StartNew();
                var firstRuns = size >= ScaleFigures.Large ? 1 : Math.Min(runs ?? 3, 3);
                subject.Network = await ScaleFirstPush.MeasureAsync(subject, etcd.Endpoint, environment, firstRuns, peaks, output).ConfigureAwait(false);
                subject.Area = await NodeArea.CreateAsync(environment, etcd.Endpoint, string.Create(CultureInfo.InvariantCulture, $"/area-{size}"), size, output, steadyState: false, peaks).ConfigureAwait(false);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  size {size:N0} set up in {clock.Elapsed.TotalSeconds:0} s (load average {Machine.LoadAverage()})")).ConfigureAwait(false);
            }

            await ScaleOneFilePush.MeasureAsync(subjects, runs ?? 10, warmup ?? 2, peaks, output).ConfigureAwait(false);
            await output.WriteLineAsync($"  (load average {Machine.LoadAverage()})").ConfigureAwait(false);
            await ScaleDrift.MeasureAsync(subjects, etcd.Endpoint, runs ?? 5, warmup ?? 1, peaks, output).ConfigureAwait(false);
            await output.WriteLineAsync($"  (load average {Machine.LoadAverage()})").ConfigureAwait(false);
            await ScalePusher.MeasureAsync(subjects, etcd.Endpoint, runs ?? 10, warmup ?? 2, peaks, output).ConfigureAwait(false);

            var figures = ScaleFigures.From(subjects, peaks);
            await output.WriteLineAsync("  the scale table (Markdown):").ConfigureAwait(false);
            await output.WriteLineAsync("| figure | measured (median) | baseline, same run (median) | ratio | target | result |").ConfigureAwait(false);
            await output.WriteLineAsync("| --- | --- | --- | --- | --- | --- |").ConfigureAwait(false);
            foreach (var figure in figures) await output.WriteLineAsync(figure.Row()).ConfigureAwait(false);
            return figures;
        }
        finally
        {
            foreach (var subject in subjects) subject.Dispose();
        }
    }
}
