using System.Globalization;
using SigilGate.Testing.Git;
using SigilGate.Testing;

namespace SigilGate.Bench;

/// <summary>
/// 7. One <c>git push</c> of 10,000 new entries through the hooks: how long pre-receive takes to
/// validate them and post-receive to apply them (as receive-pack timed each hook), against the
/// minimal client's 128-put Txns of the same 10,000 data keys, measured in the same run. Each run
/// uses a fresh hooked repository and prefix, so every record is new.
/// </summary>
internal static class LargePushScenario
{
    public const int Entries = ApplyScenario.Entries;

    public static async Task<IReadOnlyList<Figure>> RunAsync(int runs, TextWriter output)
    {
        await using var etcd = await EtcdServer.StartNewAsync().ConfigureAwait(false);
        using var environment = new GitEnvironment();
        var files = NetworkFiles.Large(Entries);
        var data = Enumerable.Range(1, Entries).Select(e => KeyValuePair.Create($"/nodes/entry/e-{e}", NetworkFiles.LargeEntryJson(e))).ToList();
        var preReceive = new Samples();
        var postReceive = new Samples();
        var push = new Samples();
        var baseline = new Samples();
        await BaselineWriter.WriteAsync(etcd.Endpoint, "/bench-warm", data).ConfigureAwait(false);
        for (var i = 0; i < runs; i++)
        {
            var trace = await PushAsync(environment, etcd, $"/large-{i}", files, push).ConfigureAwait(false);
            if (trace.PreReceiveMs is { } pre) preReceive.Add(pre);
            if (trace.PostReceiveMs is { } post) postReceive.Add(post);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await BaselineWriter.WriteAsync(etcd.Endpoint, $"/large-base-{i}", data).ConfigureAwait(false);
            baseline.Add(clock.Elapsed.TotalMilliseconds);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  each run: a fresh hooked repository holding sigil.yaml, network.yaml and 3 cores; one commit adds {Entries:N0} entries; pushed as root")).ConfigureAwait(false);
        await output.WriteLineAsync($"  git push, whole:        {push.Describe()}").ConfigureAwait(false);
        await output.WriteLineAsync($"  pre-receive (validate): {preReceive.Describe()}").ConfigureAwait(false);
        await output.WriteLineAsync($"  post-receive (apply):   {postReceive.Describe()}").ConfigureAwait(false);
        await output.WriteLineAsync($"  baseline: {Entries:N0} data keys as 128-put Txns, one connection: {baseline.Describe()}").ConfigureAwait(false);
        return
        [
            new Figure($"7. pre-receive validating {Entries:N0} new records", preReceive.Median, "128-op Txns of the same data keys", baseline.Median, "none", null),
            new Figure($"7. post-receive applying {Entries:N0} new records", postReceive.Median, "128-op Txns of the same data keys", baseline.Median, "none", null),
        ];
    }

    private static async Task<Trace2> PushAsync(GitEnvironment environment, EtcdServer etcd, string prefix, IReadOnlyDictionary<string, string> files, Samples push)
    {
        using var bare = await BareRepository.CreateAsync(environment, etcd.Endpoint, prefix).ConfigureAwait(false);
        using var clone = await Clone.OfAsync(bare).ConfigureAwait(false);
        NetworkFiles.WriteTo(clone, files.Where(f => !f.Key.StartsWith("nodes/entry/", StringComparison.Ordinal)).ToDictionary());
        await clone.CommitAllAsync("policy, settings, cores").ConfigureAwait(false);
        var first = await clone.PushAsync("root").ConfigureAwait(false);
        if (first.ExitCode != 0) throw new InvalidOperationException("the first push failed: " + first);

        NetworkFiles.WriteTo(clone, files);
        await clone.CommitAllAsync($"{Entries} entries").ConfigureAwait(false);
        var traces = TempDirectories.Create("sigil-bench-large-");
        try
        {
            var trace = Path.Combine(traces, "push.json");
            var run = await TimedProcess.RunCheckedAsync("git", ["push", "origin", "HEAD:refs/heads/main"], clone.Path, clone.Environment.With(("SIGIL_IDENTITY", "root"), ("GIT_TRACE2_EVENT", trace))).ConfigureAwait(false);
            if (!run.StandardError.Contains("to etcd at revision", StringComparison.Ordinal)) throw new InvalidOperationException("the large push was not applied: " + run.StandardError);
            push.Add(run.Milliseconds);
            return Trace2.Read(trace);
        }
        finally
        {
            TempDirectories.Delete(traces);
        }
    }
}
