using SigilGate.Testing.Git;
using SigilGate.Testing;

namespace SigilGate.Bench;

/// <summary>
/// 1. A one-file push through pre-receive and post-receive (which applies it to etcd) against the
/// same push into a bare repository without hooks. Each push toggles <c>enabled</c> of one entry.
/// </summary>
internal static class PushScenario
{
    public const string Identity = "alice";

    public static async Task<PushMeasurements> MeasureAsync(int runs, int warmup, TextWriter output)
    {
        await using var etcd = await EtcdServer.StartNewAsync().ConfigureAwait(false);
        using var environment = new GitEnvironment();
        using var hooked = await BareRepository.CreateAsync(environment, etcd.Endpoint, "/sigil").ConfigureAwait(false);
        using var plain = await BareRepository.CreateAsync(environment, etcd.Endpoint, "/sigil", withHooks: false).ConfigureAwait(false);
        using var hookedClone = await Clone.OfAsync(hooked).ConfigureAwait(false);
        using var plainClone = await Clone.OfAsync(plain).ConfigureAwait(false);
        using var probe = new EtcdProbe(etcd.Endpoint);

        var network = NetworkFiles.Example(out var source);
        foreach (var clone in new[] { hookedClone, plainClone })
        {
            NetworkFiles.WriteTo(clone, network);
            await clone.CommitAllAsync("example network").ConfigureAwait(false);
            var first = await clone.PushAsync("root").ConfigureAwait(false);
            if (first.ExitCode != 0) throw new InvalidOperationException("the first push of the example network failed: " + first);
        }

        var recordsInEtcd = await probe.CountAsync("/sigil/nodes/").ConfigureAwait(false);
        if (recordsInEtcd == 0) throw new InvalidOperationException("the hooked push of the example network did not reach etcd");
        await output.WriteLineAsync($"  network: {source} ({network.Count} files, {recordsInEtcd} node records applied to etcd {etcd.Endpoint})").ConfigureAwait(false);
        await output.WriteLineAsync($"  each push: toggle 'enabled' in {NetworkFiles.ToggledEntry}, commit, then time 'git push origin HEAD:refs/heads/main' as {Identity}").ConfigureAwait(false);

        // Each commit one second after the one before, whatever the clock says: the version of a
        // record written from Git counts in committer seconds, and two commits of one second would
        // meet in etcd as concurrent versions (a conflict, not the plain one-record apply timed here).
        var firstCommitTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1;
        var traces = TempDirectories.Create("sigil-bench-trace-");
        try
        {
            var measured = new PushMeasurements();
            for (var i = 0; i < warmup + runs; i++)
            {
                // Alternate which repository goes first, so a change in machine load falls on both alike.
                (Clone Clone, bool Hooked)[] order = i % 2 == 0 ? [(hookedClone, true), (plainClone, false)] : [(plainClone, false), (hookedClone, true)];
                foreach (var (clone, isHooked) in order)
                {
                    var trace = Path.Combine(traces, $"{i}-{(isHooked ? "hooked" : "plain")}.json");
                    var push = await PushOneChangeAsync(clone, i, firstCommitTime + i, trace).ConfigureAwait(false);
                    if (isHooked && !await LastChangeAppliedAsync(clone, probe).ConfigureAwait(false)) measured.Lost++;
                    if (i < warmup) continue;
                    Record(measured, isHooked, push, Trace2.Read(trace));
                }
            }

            await PrintAsync(measured, output).ConfigureAwait(false);

            // Where the hooks' time goes: post-receive by process, then its steps in process.
            var last = $"{await RevisionAsync(hooked, "main~1").ConfigureAwait(false)} {await RevisionAsync(hooked, "main").ConfigureAwait(false)} refs/heads/main\n";
            await PostReceiveBreakdown.MeasureAsync(hooked, last, Math.Min(runs, 20), warmup, output).ConfigureAwait(false);
            await ApplyPhases.MeasureAsync(hooked.Path, etcd.Endpoint, environment, Math.Min(runs, 20), "push", output).ConfigureAwait(false);
            return measured;
        }
        finally
        {
            TempDirectories.Delete(traces);
        }
    }

    public static Figure Figure(PushMeasurements m)
    {
        var added = m.Hooked.Median - m.Plain.Median;
        var allowed = Math.Max(0.25 * m.Plain.Median, 20);
        return new Figure(
            "1. one-file push through all hooks",
            m.Hooked.Median,
            "push without hooks",
            m.Plain.Median,
            $"hooks add <= max(25%, 20 ms) = {Samples.Ms(allowed)}",
            added <= allowed,
            $"hooks add {Samples.Ms(added)}");
    }

    private static async Task<string> RevisionAsync(BareRepository bare, string revision)
    {
        var run = await bare.GitAsync("rev-parse", "--verify", revision).ConfigureAwait(false);
        if (run.ExitCode != 0) throw new InvalidOperationException("git rev-parse failed: " + run);
        return run.StandardOutput.Trim();
    }

    private static async Task PrintAsync(PushMeasurements m, TextWriter output)
    {
        await output.WriteLineAsync($"  git push, hooks:        {m.Hooked.Describe()}").ConfigureAwait(false);
        await output.WriteLineAsync($"  git push, no hooks:     {m.Plain.Describe()}").ConfigureAwait(false);
        await output.WriteLineAsync($"  receive-pack, hooks:    {m.HookedReceivePack.Describe()}   (server side, trace2)").ConfigureAwait(false);
        await output.WriteLineAsync($"  receive-pack, no hooks: {m.PlainReceivePack.Describe()}").ConfigureAwait(false);
        await output.WriteLineAsync($"    of which git alone:   {m.HookedGitOnly.Describe()}   (receive-pack minus both hooks, per push)").ConfigureAwait(false);
        await output.WriteLineAsync($"  pre-receive:            {m.PreReceive.Describe()}   (as receive-pack timed the hook)").ConfigureAwait(false);
        await output.WriteLineAsync($"  post-receive:           {m.PostReceive.Describe()}   (includes the etcd apply)").ConfigureAwait(false);
        await output.WriteLineAsync($"  applied to etcd:        {m.Applied} of {m.Hooked.Count} measured pushes reported 'applied ... to etcd'; {m.Lost} pushes (warm-up included) left etcd without their change").ConfigureAwait(false);
    }

    private static void Record(PushMeasurements m, bool isHooked, TimedRun push, Trace2 trace)
    {
        if (isHooked)
        {
            m.Hooked.Add(push.Milliseconds);
            if (trace.ReceivePackMs is { } receive) m.HookedReceivePack.Add(receive);
            if (trace.PreReceiveMs is { } pre) m.PreReceive.Add(pre);
            if (trace.PostReceiveMs is { } post) m.PostReceive.Add(post);
            if (trace is { ReceivePackMs: { } all, PreReceiveMs: { } before, PostReceiveMs: { } after }) m.HookedGitOnly.Add(all - before - after);
            if (push.StandardError.Contains("to etcd at revision", StringComparison.Ordinal)) m.Applied++;
        }
        else
        {
            m.Plain.Add(push.Milliseconds);
            if (trace.ReceivePackMs is { } receive) m.PlainReceivePack.Add(receive);
        }
    }

    private static async Task<TimedRun> PushOneChangeAsync(Clone clone, int index, long commitTime, string trace)
    {
        var path = Path.Combine(clone.Path, NetworkFiles.ToggledEntry);
        await File.WriteAllTextAsync(path, NetworkFiles.ToggleEnabled(await File.ReadAllTextAsync(path).ConfigureAwait(false))).ConfigureAwait(false);
        var date = $"@{commitTime} +0000";
        var commit = await Processes.RunAsync(
            "git",
            ["commit", "--quiet", "-am", $"toggle e-1 ({index})"],
            clone.Path,
            clone.Environment.With(("GIT_COMMITTER_DATE", date), ("GIT_AUTHOR_DATE", date))).ConfigureAwait(false);
        if (commit.ExitCode != 0) throw new InvalidOperationException("git commit failed: " + commit);
        return await TimedProcess.RunCheckedAsync(
            "git",
            ["push", "origin", "HEAD:refs/heads/main"],
            clone.Path,
            clone.Environment.With(("SIGIL_IDENTITY", Identity), ("GIT_TRACE2_EVENT", trace))).ConfigureAwait(false);
    }

    /// <summary>Whether etcd holds the clone's <c>enabled</c> of the toggled entry (the push's change reached etcd).</summary>
    private static async Task<bool> LastChangeAppliedAsync(Clone clone, EtcdProbe probe)
    {
        var enabled = (await File.ReadAllTextAsync(Path.Combine(clone.Path, NetworkFiles.ToggledEntry)).ConfigureAwait(false)).Contains("enabled: true", StringComparison.Ordinal);
        var key = "/sigil/" + NetworkFiles.ToggledEntry[..^".yaml".Length];
        var values = await probe.ReadPrefixAsync(key).ConfigureAwait(false);
        return values.TryGetValue(key, out var value) && value.Contains($"\"enabled\":{(enabled ? "true" : "false")}", StringComparison.Ordinal);
    }
}
