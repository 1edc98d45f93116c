using System.Globalization;
using dotnet_etcd;
using SigilGate.Testing.Git;
using SigilGate.Testing;

namespace SigilGate.Bench;

/// <summary>A hooked bare repository holding one node area, applied to etcd, and core-1's clone of it.</summary>
internal sealed class NodeArea : IDisposable
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

    /// <param name="peaks">When given, the apply of the area runs under /usr/bin/time and its peak memory is recorded.</param>
    /// <param name="steadyState">Mirror every record once (so each has a version sidecar, as on a node that has been running); false: only the records later changed get one.</param>
    public static async Task<NodeArea> CreateAsync(GitEnvironment environment, string endpoint, string prefix, int size, TextWriter output, bool steadyState = true, PeakMemory? peaks = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var bare = await BareRepository.CreateAsync(environment, endpoint, prefix, withHooks: false).ConfigureAwait(false);
        var files = NetworkFiles.NodeArea(size);
        await NetworkFiles.ImportAsync(bare.Path, environment.Variables, files, $"node area of {size} records").ConfigureAwait(false);

        var pushed = clock.Elapsed;
        bare.InstallHooks();
        var (program, arguments) = (SigilBinaries.Path("sigil"), (IEnumerable<string>)["apply", "--repo", bare.Path]);
        if (peaks is not null) (program, arguments) = peaks.Wrap(string.Create(CultureInfo.InvariantCulture, $"{size}: sigil apply (the area, {2 * size:N0} records)"), program, arguments);
        var apply = await TimedProcess.RunCheckedAsync(program, arguments, bare.Path, environment.Variables).ConfigureAwait(false);

        var clone = await Clone.OfAsync(bare).ConfigureAwait(false);
        clone.Write("sigil.json", $$"""{ "Etcd": { "Endpoints": "{{endpoint}}", "TimeoutSeconds": 5 }, "Sigil": { "Prefix": "{{prefix}}" } }""");
        await File.AppendAllTextAsync(Path.Combine(clone.Path, ".git", "info", "exclude"), "sigil.json\n").ConfigureAwait(false);
        var plainBare = await BareRepository.CreateAsync(environment, endpoint, prefix, withHooks: false).ConfigureAwait(false);
        var area = new NodeArea(size, prefix, bare, clone, plainBare, await Clone.OfAsync(plainBare).ConfigureAwait(false));
        var first = await area.PusherAsync(null).ConfigureAwait(false);
        if (first.ExitCode != 0) throw new InvalidOperationException("the first pusher run failed: " + first);

        // The steady state of a node: every record of its area has been mirrored once by the node
        // (so each carries a version sidecar in Git). A raw write of all of them, then one run.
        var steady = "not done (records get a version sidecar when first changed)";
        if (steadyState)
        {
            using (var client = new EtcdClient(endpoint)) await PusherScenario.RawChangesAsync(client, prefix, size, 0).ConfigureAwait(false);
            var mirror = await area.PusherAsync(null).ConfigureAwait(false);
            var mirrored = Mirrored(mirror.StandardError);
            if (mirror.ExitCode != 0 || mirrored != size) throw new InvalidOperationException($"the pusher run mirroring the whole area mirrored {mirrored} records: {mirror}");
            steady = $"{Samples.Ms(mirror.Milliseconds)}: {LastLine(mirror.StandardError)}";
        }

        var second = await area.PusherAsync(null).ConfigureAwait(false);
        if (!second.StandardError.Contains("nothing changed in etcd since the last run", StringComparison.Ordinal)) throw new InvalidOperationException("the pusher run after mirroring the area was not idle: " + second);
        await area.StartPlainTwinAsync().ConfigureAwait(false);

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  area of {size:N0} records ({prefix}): {files.Count:N0} files (core-1, {size:N0} entries, {size:N0} state records) written by git fast-import in {pushed.TotalSeconds:0.0} s; hooks installed; sigil apply {Samples.Ms(apply.Milliseconds)}: {FirstLine(apply.StandardError)}")).ConfigureAwait(false);
        await output.WriteLineAsync($"    first pusher run (learns the area): {Samples.Ms(first.Milliseconds)}: {LastLine(first.StandardError)}").ConfigureAwait(false);
        await output.WriteLineAsync($"    raw write of all {size:N0} state records, then one run mirroring them all (so each has a version sidecar): {steady}; next run {Samples.Ms(second.Milliseconds)}: {LastLine(second.StandardError)}").ConfigureAwait(false);
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
            var mirrored = Mirrored(run.StandardError) + run.StandardError.Split('\n').Count(l => l.Contains("sigil: conflict (", StringComparison.Ordinal));
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
        var processes = all.Where(p => p.Command != PusherScenario.OpenWhileReading).ToList();
        var hooks = Trace2.Read(trace);
        foreach (var group in processes.GroupBy(p => p.Command).OrderByDescending(g => g.Sum(p => p.Milliseconds)))
        {
            phases.Record(string.Create(CultureInfo.InvariantCulture, $"{group.Key} (x{group.Count()})"), group.Sum(p => p.Milliseconds));
        }

        if (hooks.PreReceiveMs is { } pre) phases.Record("  of git push: pre-receive", pre);
        if (hooks.PostReceiveMs is { } post) phases.Record("  of git push: post-receive (apply to etcd)", post);
        foreach (var open in all.Where(p => p.Command == PusherScenario.OpenWhileReading)) phases.Record("  git cat-file, open while sigil reads the clone", open.Milliseconds);
        phases.Record("sigil itself (run minus its git processes)", total - processes.Sum(p => p.Milliseconds));
    }

    /// <summary>When set, each run goes under /usr/bin/time and its peak memory is recorded as <see cref="PeakName"/> (extra runs, not timed ones).</summary>
    public PeakMemory? Peaks { get; set; }

    public string PeakName { get; set; } = "sigil push";

    private Task<TimedRun> PusherAsync(string? trace)
    {
        var (program, arguments) = (SigilBinaries.Path("sigil"), (IEnumerable<string>)["push", "--node", PusherScenario.Node, "--workdir", Clone.Path]);
        if (Peaks is not null) (program, arguments) = Peaks.Wrap(PeakName, program, arguments);
        return TimedProcess.RunAsync(program, arguments, Clone.Path, Clone.Environment.With(("GIT_TRACE2_EVENT", trace)));
    }

    /// <summary>The records a run reports committing: "created/updated/deleted state/..." (earlier versions said "mirrored state/...").</summary>
    private static int Mirrored(string standardError) =>
        standardError.Split('\n').Count(l => MirrorLines.Any(word => l.Contains(word, StringComparison.Ordinal)));

    private static readonly string[] MirrorLines = [": created state/", ": updated state/", ": deleted state/", ": mirrored state/"];

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
