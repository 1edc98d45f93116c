using System.Diagnostics;
using System.Globalization;
using SigilGate.Testing.Git;
using SigilGate.Testing;

namespace SigilGate.Bench;

/// <summary>
/// 3. <c>sigil apply --repo BARE</c> of a commit adding 10,000 entries (plus 3 cores and
/// network.yaml), each run onto a fresh prefix of one etcd, against a minimal client that sends
/// the same data keys and values as plain 128-put Txns over one connection.
/// </summary>
internal static class ApplyScenario
{
    public const int Entries = 10_000;
    private const double TargetRatio = 1.5;
    private const int MinimumRuns = 3;

    // Stop repeating once this is spent (and MinimumRuns are in): a slow apply would take hours.
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(4);

    public static async Task<IReadOnlyList<Figure>> RunAsync(int runs, int warmup, TextWriter output)
    {
        await using var etcd = await EtcdServer.StartNewAsync().ConfigureAwait(false);
        using var environment = new GitEnvironment();
        using var bare = await BareRepository.CreateAsync(environment, etcd.Endpoint, "/sigil", withHooks: false).ConfigureAwait(false);
        using var probe = new EtcdProbe(etcd.Endpoint);
        await CommitLargeNetworkAsync(bare, output).ConfigureAwait(false);

        // An unmeasured first apply shows what sigil writes (the baselines then send the same) and
        // warms the page cache and etcd; one unmeasured round of each baseline warms this process.
        var (data, everything) = await FirstApplyAsync(bare, probe, output).ConfigureAwait(false);
        var m = new ApplyMeasurements { DataKeys = data.Count, AllKeys = everything.Count };
        await BaselineAsync(etcd, probe, "/bench-warm-base", data, null, null, [], 1).ConfigureAwait(false);
        await BaselineAsync(etcd, probe, "/bench-warm-all", everything, null, null, [], 1).ConfigureAwait(false);
        await BaselineAsync(etcd, probe, "/bench-warm-all4", everything, null, null, [], 4).ConfigureAwait(false);

        var clock = Stopwatch.StartNew();
        var done = 0;
        for (var i = 0; i < warmup + runs; i++)
        {
            var measured = i >= warmup;
            Func<Task>[] steps =
            [
                () => SigilApplyAsync(bare, etcd, probe, $"/bench-sigil-{i}", measured ? m : null),
                () => BaselineAsync(etcd, probe, $"/bench-base-{i}", data, measured ? m.Baseline : null, m.BaselineEtcdCpu, m.BaselineRevisions, 1),
                () => BaselineAsync(etcd, probe, $"/bench-all-{i}", everything, measured ? m.SameWrites : null, m.SameWritesEtcdCpu, m.SameWritesRevisions, 1),
                () => BaselineAsync(etcd, probe, $"/bench-all4-{i}", everything, measured ? m.SameWritesInFlight : null, null, [], 4),
            ];
            for (var k = 0; k < steps.Length; k++) await steps[(i + k) % steps.Length]().ConfigureAwait(false);
            if (measured && ++done >= MinimumRuns && clock.Elapsed > Budget && done < runs)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  stopped after {done} measured runs: past the {Budget.TotalMinutes:0}-minute budget of this scenario")).ConfigureAwait(false);
                break;
            }
        }

        await PrintAsync(m, output).ConfigureAwait(false);
        await ApplyPhases.MeasureAsync(bare.Path, etcd.Endpoint, environment, runs: Math.Min(runs, 5), "large", output).ConfigureAwait(false);
        await TreeLookupProbe.MeasureAsync(bare.Path, Entries, output).ConfigureAwait(false);
        return
        [
            new Figure(
                $"3. sigil apply of {Entries:N0} records",
                m.Apply.Median,
                "128-op Txns of the same keys",
                m.Baseline.Median,
                $"<= {TargetRatio:0.0}x baseline",
                m.Apply.Median <= TargetRatio * m.Baseline.Median,
                string.Create(CultureInfo.InvariantCulture, $"sigil used {m.ApplyRevisions.LastOrDefault()} write Txns, the baseline {m.BaselineRevisions.LastOrDefault()}; etcd's own CPU {m.ApplyEtcdCpu.Median:0} vs {m.BaselineEtcdCpu.Median:0} ms")),
        ];
    }

    private static async Task CommitLargeNetworkAsync(BareRepository bare, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        using var clone = await Clone.OfAsync(bare).ConfigureAwait(false);
        var files = NetworkFiles.Large(Entries);
        NetworkFiles.WriteTo(clone, files);
        var sha = await clone.CommitAllAsync($"{Entries} entries").ConfigureAwait(false);
        var push = await clone.PushAsync("root").ConfigureAwait(false);
        if (push.ExitCode != 0) throw new InvalidOperationException("push of the large network failed: " + push);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  repository: one commit {sha[..7]} with {files.Count:N0} files (sigil.yaml, network.yaml, 3 cores, {Entries:N0} entries), pushed without hooks in {clock.Elapsed.TotalSeconds:0.0} s")).ConfigureAwait(false);
    }

    private static async Task<(List<KeyValuePair<string, string>> Data, List<KeyValuePair<string, string>> Everything)> FirstApplyAsync(BareRepository bare, EtcdProbe probe, TextWriter output)
    {
        const string prefix = "/bench-first";
        var run = await SigilAsync(bare, prefix, "apply").ConfigureAwait(false);
        await output.WriteLineAsync($"  first apply (unmeasured): {Samples.Ms(run.Milliseconds)}; {run.StandardError.Split('\n')[0].Trim()}").ConfigureAwait(false);
        var written = await probe.ReadPrefixAsync(prefix + "/").ConfigureAwait(false);
        var everything = written.Select(kv => KeyValuePair.Create(kv.Key[prefix.Length..], kv.Value)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var data = everything.Where(kv => !kv.Key.StartsWith("/.sigil/", StringComparison.Ordinal)).ToList();

        // The baseline must send what the contract says the records are: check every entry.
        var byKey = data.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        for (var e = 1; e <= Entries; e++)
        {
            var expected = NetworkFiles.LargeEntryJson(e);
            if (!byKey.TryGetValue($"/nodes/entry/e-{e}", out var value) || value != expected)
            {
                throw new InvalidOperationException($"{prefix}/nodes/entry/e-{e} is {value ?? "(missing)"}, expected {expected}");
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  sigil writes {everything.Count:N0} keys: {data.Count:N0} data keys (checked against the contract's JSON) and {everything.Count - data.Count:N0} under .sigil/ (version per record, applied pointer)")).ConfigureAwait(false);
        await output.WriteLineAsync($"  e.g. {data.First(kv => kv.Key == "/nodes/entry/e-7").Value}  and  {everything.First(kv => kv.Key == "/.sigil/versions/nodes/entry/e-7").Value}").ConfigureAwait(false);
        return (data, everything);
    }

    private static async Task SigilApplyAsync(BareRepository bare, EtcdServer etcd, EtcdProbe probe, string prefix, ApplyMeasurements? m)
    {
        var before = await probe.RevisionAsync().ConfigureAwait(false);
        var calls = await probe.CallsAsync().ConfigureAwait(false);
        var cpu = etcd.ProcessorTime;
        var apply = await SigilAsync(bare, prefix, "apply").ConfigureAwait(false);
        var etcdCpu = etcd.ProcessorTime - cpu;
        var after = await probe.RevisionAsync().ConfigureAwait(false);
        var callsAfter = await probe.CallsAsync().ConfigureAwait(false);
        var again = await SigilAsync(bare, prefix, "apply").ConfigureAwait(false);
        if (await probe.RevisionAsync().ConfigureAwait(false) != after) throw new InvalidOperationException("a second apply of the same commit wrote to etcd");
        if (m is null) return;
        m.Apply.Add(apply.Milliseconds);
        m.ApplyEtcdCpu.Add(etcdCpu.TotalMilliseconds);
        m.NoOpApply.Add(again.Milliseconds);
        m.ApplyRevisions.Add(after - before);
        m.ApplyCalls = EtcdProbe.Difference(calls, callsAfter);
    }

    private static async Task BaselineAsync(EtcdServer etcd, EtcdProbe probe, string prefix, List<KeyValuePair<string, string>> records, Samples? times, Samples? etcdCpu, List<long> revisions, int inFlight)
    {
        var before = await probe.RevisionAsync().ConfigureAwait(false);
        var cpu = etcd.ProcessorTime;
        var clock = Stopwatch.StartNew();
        await BaselineWriter.WriteAsync(etcd.Endpoint, prefix, records, inFlight).ConfigureAwait(false);
        clock.Stop();
        var spent = etcd.ProcessorTime - cpu;
        var after = await probe.RevisionAsync().ConfigureAwait(false);
        if (times is null) return;
        times.Add(clock.Elapsed.TotalMilliseconds);
        etcdCpu?.Add(spent.TotalMilliseconds);
        revisions.Add(after - before);
    }

    private static Task<TimedRun> SigilAsync(BareRepository bare, string prefix, string command) =>
        TimedProcess.RunCheckedAsync(SigilBinaries.Path("sigil"), [command, "--repo", bare.Path], bare.Path, bare.Environment.With(("SIGIL_SIGIL__PREFIX", prefix)));

    private static async Task PrintAsync(ApplyMeasurements m, TextWriter output)
    {
        await output.WriteLineAsync($"  sigil apply ({m.DataKeys:N0} records, all new):    {m.Apply.Describe()}; {Distinct(m.ApplyRevisions)} write Txns (revision delta)").ConfigureAwait(false);
        await output.WriteLineAsync($"    etcd gRPC calls of one apply:          {m.ApplyCalls}").ConfigureAwait(false);
        await output.WriteLineAsync($"  sigil apply again (nothing to do):       {m.NoOpApply.Describe()}").ConfigureAwait(false);
        await output.WriteLineAsync($"  baseline: {m.DataKeys:N0} data keys, 128-put Txns:  {m.Baseline.Describe()}; {Distinct(m.BaselineRevisions)} Txns").ConfigureAwait(false);
        await output.WriteLineAsync($"  all {m.AllKeys:N0} keys sigil writes, same way:  {m.SameWrites.Describe()}; {Distinct(m.SameWritesRevisions)} Txns").ConfigureAwait(false);
        await output.WriteLineAsync($"    the same, 4 Txns in flight:            {m.SameWritesInFlight.Describe()}").ConfigureAwait(false);

        // The server's share, on the cores the client shares with it: a floor no client can go below.
        await output.WriteLineAsync($"  etcd's own CPU time (user + system) while it took the writes:").ConfigureAwait(false);
        await output.WriteLineAsync($"    during sigil apply:                    {m.ApplyEtcdCpu.Describe()}").ConfigureAwait(false);
        await output.WriteLineAsync($"    during the baseline:                   {m.BaselineEtcdCpu.Describe()}").ConfigureAwait(false);
        await output.WriteLineAsync($"    during all of sigil's keys, same way:  {m.SameWritesEtcdCpu.Describe()}").ConfigureAwait(false);
    }

    private static string Distinct(List<long> values) => string.Join('/', values.Distinct());
}
