using System.Globalization;
using SigilGate.Testing.Git;

namespace SigilGate.Bench;

/// <summary>
/// The one-file push at every size: one commit flipping <c>enabled</c> of one entry, pushed as an
/// operator into the hooked repository and, the same commit, into the one without hooks. The sizes
/// take turns round by round and the two pushes alternate which goes first, so a change of load
/// falls on all alike. Then two more hooked pushes per size run the hooks under /usr/bin/time.
/// </summary>
internal static class ScaleOneFilePush
{
    public static async Task MeasureAsync(IReadOnlyList<ScaleSubject> subjects, int runs, int warmup, PeakMemory peaks, TextWriter output)
    {
        var traces = TempDirectories.Create("sigil-bench-onefile-");
        try
        {
            var index = 0;
            for (var i = 0; i < warmup + runs; i++)
            {
                foreach (var subject in subjects)
                {
                    var network = subject.Net;
                    await network.CommitToggleAsync(index).ConfigureAwait(false);
                    var trace = Path.Combine(traces, $"{index++}.json");
                    BareRepository[] order = i % 2 == 0 ? [network.Hooked, network.Plain] : [network.Plain, network.Hooked];
                    foreach (var target in order)
                    {
                        var hooked = target == network.Hooked;
                        var push = await network.PushAsync(target, PushScenario.Identity, hooked ? trace : null).ConfigureAwait(false);
                        if (push.ExitCode != 0) throw new InvalidOperationException($"a one-file push at {subject.Size:N0} failed: {push}");
                        if (i < warmup) continue;
                        if (!hooked)
                        {
                            subject.Plain.Add(push.Milliseconds);
                            continue;
                        }

                        subject.Hooked.Add(push.Milliseconds);
                        if (push.StandardError.Contains("to etcd at revision", StringComparison.Ordinal)) subject.Applied++;
                        var hooks = Trace2.Read(trace);
                        if (hooks.PreReceiveMs is { } pre) subject.PreReceive.Add(pre);
                        if (hooks.PostReceiveMs is { } post) subject.PostReceive.Add(post);
                    }
                }
            }

            foreach (var subject in subjects)
            {
                var network = subject.Net;
                peaks.WrapHooks(network.Hooked, subject.Size, "one-file push");
                for (var k = 0; k < 2; k++)
                {
                    await network.CommitToggleAsync(index++).ConfigureAwait(false);
                    var push = await network.PushAsync(network.Hooked, PushScenario.Identity, null).ConfigureAwait(false);
                    if (push.ExitCode != 0) throw new InvalidOperationException($"a one-file push under /usr/bin/time at {subject.Size:N0} failed: {push}");
                }

                PeakMemory.UnwrapHooks(network.Hooked);
            }
        }
        finally
        {
            TempDirectories.Delete(traces);
        }

        await output.WriteLineAsync($"  one-file push (toggle 'enabled' in {NetworkFiles.ToggledEntry}, push as {PushScenario.Identity}; {runs} measured rounds after {warmup}, sizes in turn):").ConfigureAwait(false);
        foreach (var s in subjects)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"    {s.Size,7:N0}: hooks {s.Hooked.Describe()}; plain {s.Plain.Describe()}; pre-receive {Samples.Ms(s.PreReceive.Median)}, post-receive {Samples.Ms(s.PostReceive.Median)}; {s.Applied} of {s.Hooked.Count} reported the apply")).ConfigureAwait(false);
        }
    }
}
