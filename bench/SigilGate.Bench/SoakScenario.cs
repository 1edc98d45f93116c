using System.Globalization;
using SigilGate.Testing.Soak;

namespace SigilGate.Bench;

/// <summary>
/// 7. The soak of the end-to-end specs (one operator, four Core nodes, killed etcd members and
/// sigil runs), run longer: records synchronised per second, i.e. writes that ended in both etcd
/// and Git per second of run, against plain etcdctl puts per second through the same cluster,
/// measured first in the same run. Length: SIGIL_SOAK_SECONDS (default 300); seed: SIGIL_SOAK_SEED.
/// </summary>
internal static class SoakScenario
{
    private static readonly TimeSpan BaselineLength = TimeSpan.FromSeconds(15);

    public static async Task<IReadOnlyList<Figure>> RunAsync(TextWriter output)
    {
        var options = SoakOptions.FromEnvironment(TimeSpan.FromSeconds(300));
        var tracePath = Path.Combine(Path.GetTempPath(), $"sigil-soak-{options.Seed.ToString(CultureInfo.InvariantCulture)}.log");
        await output.WriteLineAsync($"  {options}; trace in {tracePath}").ConfigureAwait(false);

        double putsPerSecond = 0;
        SoakResult result;
        await using (var trace = new StreamWriter(tracePath) { AutoFlush = true })
        {
            result = await SoakRun.RunAsync(options, trace, async world => putsPerSecond = await SoakBaseline.PlainPutsPerSecondAsync(world, BaselineLength).ConfigureAwait(false)).ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  baseline: etcdctl put through the same cluster, alone   {putsPerSecond:0.0} puts/s")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  soak: records synchronised (in both etcd and Git)     {result.SyncedPerSecond:0.00} records/s ({result.Counts.Synced} of {result.Counts.Writes} writes in {result.RunTime.TotalSeconds:0} s)")).ConfigureAwait(false);
        await output.WriteLineAsync($"  {result.Summary}").ConfigureAwait(false);
        foreach (var problem in result.Problems.Take(10)) await output.WriteLineAsync($"  problem: {problem.Split('\n')[0]}").ConfigureAwait(false);

        return
        [
            new Figure(
                "8. soak: time per record synchronised to both sides (1 / records per second)",
                1000 / result.SyncedPerSecond,
                "one etcdctl put alone",
                1000 / putsPerSecond,
                "none (recorded for comparison); FAIL only when the soak found a problem",
                result.Problems.Count == 0 ? null : false,
                string.Create(CultureInfo.InvariantCulture, $"{result.SyncedPerSecond:0.00} records/s vs {putsPerSecond:0.0} puts/s; seed {options.Seed}; {result.Problems.Count} problems")),
        ];
    }
}
