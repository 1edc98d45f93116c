using System.Diagnostics;
using System.Globalization;
using SigilGate.Cli.Configuration;
using SigilGate.Domain.Apply;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Store;
using SigilGate.Etcd;
using SigilGate.Git;
using SigilGate.Testing.Git;
using SigilGate.Testing;
using SigilGate.Workflows.Drift;

namespace SigilGate.Bench;

/// <summary>
/// 6. <c>sigil drift --repo BARE</c> over 10,000 entries applied to etcd and in sync, against
/// <c>etcdctl get --prefix /sigil/</c> of the same keys as a whole process (output to /dev/null).
/// </summary>
internal static class DriftScenario
{
    public const int Entries = 10_000;
    private const double TargetMs = 1000;

    public static async Task<IReadOnlyList<Figure>> RunAsync(int runs, int warmup, TextWriter output)
    {
        await using var etcd = await EtcdServer.StartNewAsync().ConfigureAwait(false);
        using var environment = new GitEnvironment();
        using var bare = await BareRepository.CreateAsync(environment, etcd.Endpoint, "/sigil", withHooks: false).ConfigureAwait(false);
        using var probe = new EtcdProbe(etcd.Endpoint);

        var clock = Stopwatch.StartNew();
        var files = NetworkFiles.Large(Entries);
        using (var clone = await Clone.OfAsync(bare).ConfigureAwait(false))
        {
            NetworkFiles.WriteTo(clone, files);
            await clone.CommitAllAsync($"{Entries} entries").ConfigureAwait(false);
            var push = await clone.PushAsync("root").ConfigureAwait(false);
            if (push.ExitCode != 0) throw new InvalidOperationException("push of the large network failed: " + push);
        }

        var pushed = clock.Elapsed;
        var apply = await TimedProcess.RunCheckedAsync(SigilBinaries.Path("sigil"), ["apply", "--repo", bare.Path], bare.Path, environment.Variables).ConfigureAwait(false);
        var first = await DriftAsync(bare).ConfigureAwait(false);
        var keys = await probe.CountAsync("/sigil/").ConfigureAwait(false);
        var dataKeys = keys - await probe.CountAsync("/sigil/.sigil/").ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  repository: one commit with {files.Count:N0} files (sigil.yaml, network.yaml, 3 cores, {Entries:N0} entries), pushed without hooks in {pushed.TotalSeconds:0.0} s")).ConfigureAwait(false);
        await output.WriteLineAsync($"  sigil apply (unmeasured): {Samples.Ms(apply.Milliseconds)}; {apply.StandardError.Split('\n')[0].Trim()}").ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  etcd holds {keys:N0} keys under /sigil/ ({dataKeys:N0} data keys, {keys - dataKeys:N0} under /sigil/.sigil/)")).ConfigureAwait(false);
        await output.WriteLineAsync($"  first drift (unmeasured): {Samples.Ms(first.Milliseconds)}, exit 0: {first.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim()}").ConfigureAwait(false);

        var drift = new Samples();
        var etcdctl = new Samples();
        for (var i = 0; i < warmup + runs; i++)
        {
            var measured = i >= warmup;
            Func<Task>[] steps =
            [
                async () =>
                {
                    var run = await DriftAsync(bare).ConfigureAwait(false);
                    if (measured) drift.Add(run.Milliseconds);
                },
                async () =>
                {
                    var run = await EtcdctlAsync(etcd.Endpoint).ConfigureAwait(false);
                    if (measured) etcdctl.Add(run.Milliseconds);
                },
            ];
            for (var k = 0; k < steps.Length; k++) await steps[(i + k) % steps.Length]().ConfigureAwait(false);
        }

        await output.WriteLineAsync($"  sigil drift --repo BARE (in sync, exit 0)       {drift.Describe()}").ConfigureAwait(false);
        await output.WriteLineAsync($"  etcdctl get --prefix /sigil/ >/dev/null       {etcdctl.Describe()}   (through /bin/sh -c 'exec ...')").ConfigureAwait(false);
        await PhasesAsync(bare.Path, environment, Math.Min(runs, 5), output).ConfigureAwait(false);

        return
        [
            new Figure(
                $"6. sigil drift over {Entries:N0} records in sync",
                drift.Median,
                "etcdctl get --prefix of the same keys",
                etcdctl.Median,
                $"< {Samples.Ms(TargetMs)}",
                drift.Median < TargetMs),
        ];
    }

    private static Task<TimedRun> DriftAsync(BareRepository bare) =>
        TimedProcess.RunCheckedAsync(SigilBinaries.Path("sigil"), ["drift", "--repo", bare.Path], bare.Path, bare.Environment.Variables);

    private static Task<TimedRun> EtcdctlAsync(string endpoint) =>
        TimedProcess.RunCheckedAsync(
            "/bin/sh",
            ["-c", "exec etcdctl --endpoints \"$1\" get --prefix /sigil/ >/dev/null", "sh", endpoint],
            Environment.CurrentDirectory,
            new Dictionary<string, string?> { ["ETCDCTL_API"] = "3" });

    /// <summary>The steps of DriftCheck (SyncSnapshotReader, comparison, ledger) one by one in this process (JIT, after one warm-up).</summary>
    private static async Task PhasesAsync(string bare, GitEnvironment environment, int runs, TextWriter output)
    {
        var clock = new PhaseClock();
        for (var i = 0; i <= runs; i++)
        {
            if (i == 1) clock = new PhaseClock();
            clock.Start();
            var settings = SettingsLoader.Load(bare, environment.Variables);
            clock.Lap("load settings");
            using var repository = GitRepositories.Open(bare, new Dictionary<string, string?>());
            var tip = repository.FindCommit(repository.BranchTip(settings.Sigil.Branch) ?? throw new InvalidOperationException("no tip")) ?? throw new InvalidOperationException("no tip commit");
            clock.Lap("open repository, branch tip");
            var tree = repository.Snapshot(tip.Sha);
            clock.Lap($"git: snapshot of the tip ({tree.Count:N0} files)");
            _ = GitSide.Of(settings.Sigil.Branch, tip, tree);
            clock.Lap("  every file read and parsed (GitSide.Of, no kept readings)");
            // Kept by this build: readings kept by another (the published executables) are not used.
            var kept = GitRepositories.KnownRecords(bare);
            if (i == 0) kept.Save(GitSide.Of(settings.Sigil.Branch, tip, tree, KnownRecords.None).Known);
            clock.Lap("  kept readings: save");
            var known = kept.Load();
            clock.Lap(string.Create(CultureInfo.InvariantCulture, $"kept readings: load sigil-record-cache ({known.Count:N0} files)"));
            var (git, _) = GitSide.Of(settings.Sigil.Branch, tip, tree, known);
            clock.Lap("the tree with kept readings (GitSide.Of)");
            _ = git.Records.Values.Sum(r => r.Sha256.Length);
            clock.Lap("  (nothing: a check that records are whole)");
            await using var store = EtcdStoreFactory.Create(settings.Etcd);
            var keys = new KeyLayout(settings.Sigil.Prefix);
            var read = await store.GetPrefixAsync(keys.All).ConfigureAwait(false);
            clock.Lap(string.Create(CultureInfo.InvariantCulture, $"etcd: connect, read the prefix ({read.Values.Count:N0} keys)"));
            var etcd = read.ByKey();
            var pointerValue = etcd.GetValueOrDefault(keys.Applied);
            var pointer = pointerValue is null ? AppliedPointer.None : AppliedPointer.Parse(pointerValue.Value, pointerValue.ModRevision);
            var lag = ApplyLagReader.Read(repository, pointer, tip);
            clock.Lap("apply lag");
            var snapshot = new SyncSnapshot(keys, git, etcd, read.Revision, lag, TimeProvider.System.GetUtcNow());
            var differences = DriftComparison.Compare(snapshot);
            clock.Lap("compare");
            var update = DriftLedger.Update(differences, snapshot);
            clock.Lap("ledger update (first-seen times)");
            if (differences.Count > 0 || update.Writes.Count > 0) throw new InvalidOperationException($"drift found {differences.Count} differences in a repository in sync");
            await new DriftCheck(repository, store, keys, settings.Sigil.Branch, settings.Etcd.Limits, TimeProvider.System).RunAsync().ConfigureAwait(false);
            clock.Lap("  DriftCheck.RunAsync, all of the above again");
        }

        await output.WriteLineAsync($"  phases of one drift, in process (JIT, after 1 warm-up; {runs} runs):").ConfigureAwait(false);
        await clock.PrintAsync(output, "    ").ConfigureAwait(false);
    }
}
