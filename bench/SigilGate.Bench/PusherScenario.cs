using System.Globalization;
using dotnet_etcd;
using Etcdserverpb;
using Google.Protobuf;
using SigilGate.Testing.Git;
using SigilGate.Testing;

namespace SigilGate.Bench;

/// <summary>
/// 5. <c>sigil push --node core-1 --workdir CLONE</c>, the Core node pusher, on node areas of
/// 1,000 and 10,000 state records in hooked bare repositories: (a) idle runs against the same
/// executable's <c>--help</c>; (b) runs after raw etcd writes of 100 or 1,000 records, which
/// commit and push through pre-receive and post-receive, compared across area sizes. Each
/// measured change is replayed by plain git (the same files written, staged, committed and pushed
/// into a copy of the repository without hooks): git's own growth with the area, for comparison.
/// </summary>
internal static class PusherScenario
{
    public const string Node = "core-1";
    private const double IdleTargetMs = 50;
    private const double AreaTargetRatio = 1.5;

    // etcd's default --max-txn-ops is 128: 1,000 raw changes go as 8 Txns of 125.
    private const int PutsPerTxn = 125;

    private static readonly string[] Statuses = ["down", "degraded", "unknown", "up"];

    private const string OpenWhileReading = "git cat-file";

    public static async Task<IReadOnlyList<Figure>> RunAsync(int runs, int warmup, TextWriter output)
    {
        await using var etcd = await EtcdServer.StartNewAsync().ConfigureAwait(false);
        using var environment = new GitEnvironment();
        using var small = await NodeArea.CreateAsync(environment, etcd.Endpoint, "/area-1k", 1_000, output).ConfigureAwait(false);
        using var large = await NodeArea.CreateAsync(environment, etcd.Endpoint, "/area-10k", 10_000, output).ConfigureAwait(false);
        using var client = new EtcdClient(etcd.Endpoint);

        // a. Idle runs of both areas and the --help start-up, in rotating order.
        var idleSmall = new Samples();
        var idleLarge = new Samples();
        var help = new Samples();
        for (var i = 0; i < warmup + runs; i++)
        {
            var measured = i >= warmup;
            Func<Task>[] steps =
            [
                async () => Keep(measured, idleSmall, await small.IdleRunAsync().ConfigureAwait(false)),
                async () => Keep(measured, idleLarge, await large.IdleRunAsync().ConfigureAwait(false)),
                async () => Keep(measured, help, (await TimedProcess.RunCheckedAsync(SigilBinaries.Path("sigil"), ["--help"], small.Clone.Path, small.Clone.Environment.Variables).ConfigureAwait(false)).Milliseconds),
            ];
            for (var k = 0; k < steps.Length; k++) await steps[(i + k) % steps.Length]().ConfigureAwait(false);
        }

        await output.WriteLineAsync($"  a. idle runs (nothing changed in etcd since the last run), rotating with sigil --help:").ConfigureAwait(false);
        await output.WriteLineAsync($"    sigil push, idle, 1,000-record area    {idleSmall.Describe()}").ConfigureAwait(false);
        await output.WriteLineAsync($"    sigil push, idle, 10,000-record area   {idleLarge.Describe()}").ConfigureAwait(false);
        await output.WriteLineAsync($"    sigil --help (start-up only)           {help.Describe()}").ConfigureAwait(false);

        // b. Raw changes in one Txn (1,000: Txns of 125), then one timed run that commits and pushes them.
        // Ten by default: a changed run swings by 10-20% with the load, and 5b is a ratio of two medians.
        var changedRuns = Math.Clamp(runs / 2, 3, 11);
        ChangeCase[] cases =
        [
            new(small, 100, "100 of 1,000 changed"),
            new(large, 100, "100 of 10,000 changed"),
            new(large, 1_000, "1,000 of 10,000 changed"),
        ];
        var round = 1;
        for (var i = 0; i < 1 + changedRuns; i++)
        {
            for (var k = 0; k < cases.Length; k++)
            {
                var c = cases[(i + k) % cases.Length];
                await RawChangesAsync(client, c.Area.Prefix, c.Count, round++).ConfigureAwait(false);
                await c.Area.ChangedRunAsync(c.Count, i >= 1 ? c : null).ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  b. changed runs: raw etcd writes to N state records (one Txn per {PutsPerTxn}), then one timed run that commits and pushes through the hooks; {changedRuns} measured runs each after 1 unmeasured, rotating:")).ConfigureAwait(false);
        foreach (var c in cases)
        {
            await output.WriteLineAsync($"    sigil push, {c.Name,-24} {c.Times.Describe()}; {c.Conflicts} conflicts reported; {c.Settled} of {c.Times.Count} runs were followed by an idle run").ConfigureAwait(false);
        }

        await output.WriteLineAsync("    the same commits by plain git (update-index, write-tree, commit-tree, update-ref, push; no hooks, no etcd):").ConfigureAwait(false);
        foreach (var c in cases)
        {
            await output.WriteLineAsync($"    plain git, {c.Name,-25} {c.PlainGit.Describe()}").ConfigureAwait(false);
        }

        foreach (var c in cases)
        {
            await output.WriteLineAsync($"    where the time of one run goes, {c.Name} (trace2; medians over runs):").ConfigureAwait(false);
            await c.Phases.PrintAsync(output, "      ").ConfigureAwait(false);
        }

        var (s100, l100, l1000) = (cases[0], cases[1], cases[2]);
        return
        [
            new Figure("5a. sigil push, idle, 1,000-record area", idleSmall.Median, "sigil --help", help.Median, $"< {Samples.Ms(IdleTargetMs)}", idleSmall.Median < IdleTargetMs),
            new Figure("5a. sigil push, idle, 10,000-record area", idleLarge.Median, "idle, 1,000-record area", idleSmall.Median, "none (informational)", null),
            new Figure(
                "5b. sigil push, 100 of 10,000 records changed",
                l100.Times.Median,
                "100 of 1,000 changed",
                s100.Times.Median,
                $"cost grows with what changed, not with the area: 10x the area <= {AreaTargetRatio:0.0}x",
                l100.Times.Median <= AreaTargetRatio * s100.Times.Median),
            new Figure("5b. sigil push, 1,000 of 10,000 records changed", l1000.Times.Median, "100 of 10,000 changed", l100.Times.Median, "none (shows growth with what changed)", null),
            new Figure("5b. plain git, the same commit of 100 of 10,000", l100.PlainGit.Median, "of 100 of 1,000", s100.PlainGit.Median, "none (git's own growth with the area, for the row above it)", null),
            new Figure("5b. sigil push beyond plain git, 100 of 10,000", l100.Times.Median - l100.PlainGit.Median, "of 100 of 1,000", s100.Times.Median - s100.PlainGit.Median, "none (informational)", null),
        ];
    }

    private static void Keep(bool measured, Samples samples, double milliseconds)
    {
        if (measured) samples.Add(milliseconds);
    }

    /// <summary>Raw writes of <paramref name="count"/> state records e-1 ... e-N, as a node agent would make them.</summary>
    private static async Task RawChangesAsync(EtcdClient client, string prefix, int count, int round)
    {
        var status = Statuses[round % Statuses.Length];
        var seen = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero).AddSeconds(round).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var value = $$"""{"grpc_path":"/sigil.Entry/Report","last_seen":"{{seen}}","status":"{{status}}"}""";
        foreach (var chunk in Enumerable.Range(1, count).Chunk(PutsPerTxn))
        {
            var txn = new TxnRequest();
            foreach (var e in chunk)
            {
                txn.Success.Add(new RequestOp { RequestPut = new PutRequest { Key = ByteString.CopyFromUtf8(string.Create(CultureInfo.InvariantCulture, $"{prefix}/state/{Node}/entries/e-{e}")), Value = ByteString.CopyFromUtf8(value) } });
            }

            var response = await client.TransactionAsync(txn).ConfigureAwait(false);
            if (!response.Succeeded) throw new InvalidOperationException("a Txn without compares did not succeed");
        }
    }

    private sealed record ChangeCase(NodeArea Area, int Count, string Name)
    {
        public Samples Times { get; } = new();

        /// <summary>The same commits made and pushed by plain git.</summary>
        public Samples PlainGit { get; } = new();

        public PhaseClock Phases { get; } = new();

        public int Settled { get; set; }

        public int Conflicts { get; set; }
    }

    /// <summary>A hooked bare repository holding one node area, applied to etcd, and core-1's clone of it.</summary>
    private sealed class NodeArea : IDisposable
    {
        private NodeArea(int size, string prefix, BareRepository bare, Clone clone, BareRepository plainBare, Clone plainClone)
        {
            Size = size;
            Prefix = prefix;
            Bare = bare;
            Clone = clone;
            PlainBare = plainBare;
            PlainClone = plainClone;
        }

        public int Size { get; }

        public string Prefix { get; }

        public BareRepository Bare { get; }

        public Clone Clone { get; }

        /// <summary>A copy of <see cref="Bare"/> without hooks, and a clone of it that replays each change with plain git.</summary>
        private BareRepository PlainBare { get; }

        private Clone PlainClone { get; }

        public static async Task<NodeArea> CreateAsync(GitEnvironment environment, string endpoint, string prefix, int size, TextWriter output)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var bare = await BareRepository.CreateAsync(environment, endpoint, prefix, withHooks: false).ConfigureAwait(false);
            var files = NetworkFiles.NodeArea(size);
            using (var writer = await Clone.OfAsync(bare).ConfigureAwait(false))
            {
                NetworkFiles.WriteTo(writer, files);
                await writer.CommitAllAsync($"node area of {size} records").ConfigureAwait(false);
                var push = await writer.PushAsync("root").ConfigureAwait(false);
                if (push.ExitCode != 0) throw new InvalidOperationException("push of the node area failed: " + push);
            }

            var pushed = clock.Elapsed;
            bare.InstallHooks();
            var apply = await TimedProcess.RunCheckedAsync(SigilBinaries.Path("sigil"), ["apply", "--repo", bare.Path], bare.Path, environment.Variables).ConfigureAwait(false);

            var clone = await Clone.OfAsync(bare).ConfigureAwait(false);
            clone.Write("sigil.json", $$"""{ "Etcd": { "Endpoints": "{{endpoint}}", "TimeoutSeconds": 5 }, "Sigil": { "Prefix": "{{prefix}}" } }""");
            await File.AppendAllTextAsync(Path.Combine(clone.Path, ".git", "info", "exclude"), "sigil.json\n").ConfigureAwait(false);
            var plainBare = await BareRepository.CreateAsync(environment, endpoint, prefix, withHooks: false).ConfigureAwait(false);
            var area = new NodeArea(size, prefix, bare, clone, plainBare, await Clone.OfAsync(plainBare).ConfigureAwait(false));
            var first = await area.PusherAsync(null).ConfigureAwait(false);
            if (first.ExitCode != 0) throw new InvalidOperationException("the first pusher run failed: " + first);

            // The steady state of a node: every record of its area has been mirrored once by the node
            // (so each carries a version sidecar in Git). A raw write of all of them, then one run.
            using (var client = new EtcdClient(endpoint)) await RawChangesAsync(client, prefix, size, 0).ConfigureAwait(false);
            var mirror = await area.PusherAsync(null).ConfigureAwait(false);
            var mirrored = mirror.StandardError.Split('\n').Count(l => l.Contains("mirrored state/", StringComparison.Ordinal));
            if (mirror.ExitCode != 0 || mirrored != size) throw new InvalidOperationException($"the pusher run mirroring the whole area mirrored {mirrored} records: {mirror}");
            var second = await area.PusherAsync(null).ConfigureAwait(false);
            if (!second.StandardError.Contains("nothing changed in etcd since the last run", StringComparison.Ordinal)) throw new InvalidOperationException("the pusher run after mirroring the area was not idle: " + second);
            await area.StartPlainTwinAsync().ConfigureAwait(false);

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  area of {size:N0} records ({prefix}): {files.Count:N0} files (core-1, {size:N0} entries, {size:N0} state records) pushed without hooks in {pushed.TotalSeconds:0.0} s; hooks installed; sigil apply {Samples.Ms(apply.Milliseconds)}: {FirstLine(apply.StandardError)}")).ConfigureAwait(false);
            await output.WriteLineAsync($"    first pusher run (learns the area): {Samples.Ms(first.Milliseconds)}: {LastLine(first.StandardError)}").ConfigureAwait(false);
            await output.WriteLineAsync($"    raw write of all {size:N0} state records, then one run mirroring them all (so each has a version sidecar): {Samples.Ms(mirror.Milliseconds)}: {LastLine(mirror.StandardError)}; next run {Samples.Ms(second.Milliseconds)}: {LastLine(second.StandardError)}").ConfigureAwait(false);
            return area;
        }

        public async Task<double> IdleRunAsync()
        {
            var run = await PusherAsync(null).ConfigureAwait(false);
            if (run.ExitCode != 0 || !run.StandardError.Contains("nothing changed in etcd since the last run", StringComparison.Ordinal)) throw new InvalidOperationException("an idle pusher run was not idle: " + run);
            return run.Milliseconds;
        }

        /// <summary>One run after <paramref name="count"/> raw changes: checks it pushed them, records time and phases, then checks the next run is idle.</summary>
        public async Task ChangedRunAsync(int count, ChangeCase? measured)
        {
            var trace = Path.Combine(Path.GetTempPath(), $"sigil-bench-pusher-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
            try
            {
                var tip = await Bare.TipAsync().ConfigureAwait(false);
                var run = await PusherAsync(trace).ConfigureAwait(false);
                var mirrored = run.StandardError.Split('\n').Count(l => l.Contains("mirrored state/", StringComparison.Ordinal) || l.Contains("sigil: conflict (", StringComparison.Ordinal));
                var pushed = await Bare.TipAsync().ConfigureAwait(false);
                if (run.ExitCode != 0 || mirrored != count || pushed == tip)
                {
                    throw new InvalidOperationException($"a pusher run after {count} raw changes mirrored {mirrored} records: {run}");
                }

                var idle = await PusherAsync(null).ConfigureAwait(false);

                // Plain git replays what the timed run pushed, timed, and then whatever the next run
                // pushed if it was not idle, untimed, so the copy stays equal to the repository.
                var plain = await ReplayWithPlainGitAsync(tip!, pushed!).ConfigureAwait(false);
                if (await Bare.TipAsync().ConfigureAwait(false) is { } later && later != pushed) await ReplayWithPlainGitAsync(pushed!, later).ConfigureAwait(false);
                if (measured is null) return;
                measured.Times.Add(run.Milliseconds);
                measured.PlainGit.Add(plain);
                if (idle.StandardError.Contains("nothing changed in etcd since the last run", StringComparison.Ordinal)) measured.Settled++;
                measured.Conflicts += run.StandardError.Split('\n').Count(l => l.Contains("sigil: conflict", StringComparison.Ordinal));
                Phases(measured.Phases, run.Milliseconds, trace);
            }
            finally
            {
                File.Delete(trace);
            }
        }

        /// <summary>The plain twin starts where the hooked repository is: same tree, its own history.</summary>
        public async Task StartPlainTwinAsync()
        {
            var push = await Bare.GitAsync("push", "--quiet", PlainBare.Path, "main:main").ConfigureAwait(false);
            if (push.ExitCode != 0) throw new InvalidOperationException("copying the area into the plain twin failed: " + push);
            await Checked(PlainClone.GitAsync("fetch", "--quiet", "origin")).ConfigureAwait(false);
            await Checked(PlainClone.GitAsync("reset", "--quiet", "--hard", "origin/main")).ConfigureAwait(false);
        }

        /// <summary>
        /// Writes the files that <paramref name="from"/>..<paramref name="to"/> changed into the plain
        /// clone (untimed; through git archive, so its object store learns nothing), then times
        /// git's own plumbing staging, committing and pushing them (update-index reads and hashes the
        /// files, as a script would; the pusher itself commits through fast-import).
        /// </summary>
        private async Task<double> ReplayWithPlainGitAsync(string from, string to)
        {
            var changes = await Checked(Bare.GitAsync("diff-tree", "-r", "--no-commit-id", "--name-status", "--no-renames", from, to)).ConfigureAwait(false);
            var lines = changes.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t', 2)).ToList();
            var written = lines.Where(l => l[0] != "D").Select(l => l[1]).ToList();
            foreach (var deleted in lines.Where(l => l[0] == "D")) PlainClone.Delete(deleted[1]);
            var archive = Path.Combine(Path.GetTempPath(), $"sigil-bench-replay-{Environment.ProcessId}-{Guid.NewGuid():N}.tar");
            try
            {
                if (written.Count > 0)
                {
                    await Checked(Bare.GitAsync(["archive", "--format=tar", "-o", archive, to, "--", .. written])).ConfigureAwait(false);
                    await TimedProcess.RunCheckedAsync("tar", ["-xf", archive], PlainClone.Path, PlainClone.Environment.Variables).ConfigureAwait(false);
                }
            }
            finally
            {
                File.Delete(archive);
            }

            const string Commit = "git update-index --add --remove --stdin && tree=$(git write-tree) && commit=$(git commit-tree \"$tree\" -p HEAD -m replay) && git update-ref HEAD \"$commit\" && git push --quiet origin HEAD:main";
            var run = await TimedProcess.RunCheckedAsync("sh", ["-c", Commit], PlainClone.Path, PlainClone.Environment.Variables, string.Join('\n', lines.Select(l => l[1])) + "\n").ConfigureAwait(false);
            var tree = await Checked(PlainBare.GitAsync("rev-parse", "main^{tree}")).ConfigureAwait(false);
            var expected = await Checked(Bare.GitAsync("rev-parse", to + "^{tree}")).ConfigureAwait(false);
            if (tree.StandardOutput.Trim() != expected.StandardOutput.Trim()) throw new InvalidOperationException($"plain git's replay of {to} made another tree");
            return run.Milliseconds;
        }

        private static async Task<ProcessResult> Checked(Task<ProcessResult> git)
        {
            var result = await git.ConfigureAwait(false);
            if (result.ExitCode != 0) throw new InvalidOperationException("git failed: " + result);
            return result;
        }

        private static void Phases(PhaseClock phases, double total, string trace)
        {
            // sigil keeps its cat-file open while it reads and decides: that git's life overlaps
            // sigil's own work, so it is shown apart and not taken from "sigil itself".
            var all = GitProcesses.Read(trace);
            var processes = all.Where(p => p.Command != OpenWhileReading).ToList();
            var hooks = Trace2.Read(trace);
            foreach (var group in processes.GroupBy(p => p.Command).OrderByDescending(g => g.Sum(p => p.Milliseconds)))
            {
                phases.Record(string.Create(CultureInfo.InvariantCulture, $"{group.Key} (x{group.Count()})"), group.Sum(p => p.Milliseconds));
            }

            if (hooks.PreReceiveMs is { } pre) phases.Record("  of git push: pre-receive", pre);
            if (hooks.PostReceiveMs is { } post) phases.Record("  of git push: post-receive (apply to etcd)", post);
            foreach (var open in all.Where(p => p.Command == OpenWhileReading)) phases.Record("  git cat-file, open while sigil reads the clone", open.Milliseconds);
            phases.Record("sigil itself (run minus its git processes)", total - processes.Sum(p => p.Milliseconds));
        }

        private Task<TimedRun> PusherAsync(string? trace) =>
            TimedProcess.RunAsync(
                SigilBinaries.Path("sigil"),
                ["push", "--node", Node, "--workdir", Clone.Path],
                Clone.Path,
                Clone.Environment.With(("GIT_TRACE2_EVENT", trace)));

        private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "";

        private static string LastLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "";

        public void Dispose()
        {
            PlainClone.Dispose();
            PlainBare.Dispose();
            Clone.Dispose();
            Bare.Dispose();
        }
    }
}
