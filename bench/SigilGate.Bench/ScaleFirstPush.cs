using System.Diagnostics;
using System.Globalization;
using SigilGate.Testing.Git;

namespace SigilGate.Bench;

/// <summary>
/// The first push of a whole network: into fresh repositories on a fresh prefix, policy, settings
/// and 3 cores first, then one commit adding N entries, pushed as root and timed with trace2
/// (pre-receive validates, post-receive applies). The same commit goes into the repository
/// without hooks. Baseline: every key the apply wrote (read back from etcd), sent as 128-put Txns
/// from one client onto another prefix. The first run's repositories are kept for the other figures.
/// </summary>
internal static class ScaleFirstPush
{
    public static async Task<ScaleNetwork> MeasureAsync(ScaleSubject subject, string endpoint, GitEnvironment environment, int runs, PeakMemory peaks, TextWriter output)
    {
        using var probe = new EtcdProbe(endpoint);
        ScaleNetwork? kept = null;
        var traces = TempDirectories.Create("sigil-bench-first-");
        try
        {
            for (var i = 0; i < runs; i++)
            {
                var prefix = string.Create(CultureInfo.InvariantCulture, $"/n{subject.Size}-{i}");
                var network = await ScaleNetwork.CreateAsync(environment, endpoint, prefix, subject.Size).ConfigureAwait(false);
                kept ??= network;
                try
                {
                    await network.CommitEntriesAsync().ConfigureAwait(false);

                    // The hooks run under /usr/bin/time here: a shell and a fork more, against seconds.
                    peaks.WrapHooks(network.Hooked, subject.Size, "first push");
                    var trace = Path.Combine(traces, $"{i}.json");
                    var push = await network.PushAsync(network.Hooked, "root", trace).ConfigureAwait(false);
                    PeakMemory.UnwrapHooks(network.Hooked);
                    if (push.ExitCode != 0 || !push.StandardError.Contains("to etcd at revision", StringComparison.Ordinal)) throw new InvalidOperationException("the first push of the whole network was not applied: " + push);
                    var hooks = Trace2.Read(trace);
                    subject.FirstPush.Add(push.Milliseconds);
                    if (hooks.PreReceiveMs is { } pre) subject.FirstPreReceive.Add(pre);
                    if (hooks.PostReceiveMs is { } post) subject.FirstPostReceive.Add(post);
                    var plain = await network.PushAsync(network.Plain, "root", null).ConfigureAwait(false);
                    if (plain.ExitCode != 0) throw new InvalidOperationException("the plain first push failed: " + plain);
                    subject.FirstPushPlain.Add(plain.Milliseconds);

                    var written = await probe.ReadPrefixAsync(prefix + "/").ConfigureAwait(false);
                    subject.FirstKeys = written.Count;
                    var keys = written.Select(kv => KeyValuePair.Create(kv.Key[prefix.Length..], kv.Value)).ToList();
                    if (i == 0) await BaselineWriter.WriteAsync(endpoint, prefix + "-warm", keys).ConfigureAwait(false);
                    var clock = Stopwatch.StartNew();
                    await BaselineWriter.WriteAsync(endpoint, prefix + "-base", keys).ConfigureAwait(false);
                    subject.FirstBaseline.Add(clock.Elapsed.TotalMilliseconds);
                }
                finally
                {
                    if (network != kept) network.Dispose();
                }
            }
        }
        catch
        {
            kept?.Dispose();
            throw;
        }
        finally
        {
            TempDirectories.Delete(traces);
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"  first push of {subject.Size:N0} entries ({runs} run(s), fresh repositories and prefix each): whole push {subject.FirstPush.Describe()}; pre-receive {Samples.Ms(subject.FirstPreReceive.Median)}; post-receive {Samples.Ms(subject.FirstPostReceive.Median)}; {subject.FirstKeys:N0} keys written, as 128-put Txns {Samples.Ms(subject.FirstBaseline.Median)}; the same push without hooks {Samples.Ms(subject.FirstPushPlain.Median)}")).ConfigureAwait(false);
        return kept!;
    }
}
