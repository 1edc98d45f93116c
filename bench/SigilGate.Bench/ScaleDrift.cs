using System.Globalization;
using SigilGate.Testing.Git;

namespace SigilGate.Bench;

/// <summary>
/// <c>sigil drift --repo BARE</c> on each size's hooked repository (in sync after its pushes; each run
/// checked to exit 0) against <c>etcdctl get --prefix PREFIX/</c> of the same keys as a whole process,
/// output to /dev/null. Sizes and the two sides take turns. Then one drift per size under /usr/bin/time.
/// </summary>
internal static class ScaleDrift
{
    public static async Task MeasureAsync(IReadOnlyList<ScaleSubject> subjects, string endpoint, int runs, int warmup, PeakMemory peaks, TextWriter output)
    {
        using var probe = new EtcdProbe(endpoint);
        foreach (var subject in subjects) subject.DriftKeys = await probe.CountAsync(subject.Net.Prefix + "/").ConfigureAwait(false);

        // Another build's sigil, timed in the same rounds (before and after a change, same minutes).
        var compared = Environment.GetEnvironmentVariable("SIGIL_COMPARE_BIN") is { Length: > 0 } dir ? Path.Combine(dir, "sigil") : null;
        for (var i = 0; i < warmup + runs; i++)
        {
            foreach (var subject in subjects)
            {
                var measured = i >= warmup;
                Func<Task>[] steps =
                [
                    async () =>
                    {
                        var run = await DriftAsync(subject.Net.Hooked, SigilBinaries.Path("sigil"), ["drift", "--repo", subject.Net.Hooked.Path]).ConfigureAwait(false);
                        if (measured) subject.Drift.Add(run.Milliseconds);
                    },
                    async () =>
                    {
                        var run = await EtcdctlAsync(endpoint, subject.Net.Prefix + "/").ConfigureAwait(false);
                        if (measured) subject.Etcdctl.Add(run.Milliseconds);
                    },
                    async () =>
                    {
                        if (compared is null) return;
                        var run = await DriftAsync(subject.Net.Hooked, compared, ["drift", "--repo", subject.Net.Hooked.Path]).ConfigureAwait(false);
                        if (measured) subject.DriftCompared.Add(run.Milliseconds);
                    },
                ];
                for (var k = 0; k < steps.Length; k++) await steps[(i + k) % steps.Length]().ConfigureAwait(false);
            }
        }

        foreach (var subject in subjects)
        {
            var (program, arguments) = peaks.Wrap(string.Create(CultureInfo.InvariantCulture, $"{subject.Size}: sigil drift"), SigilBinaries.Path("sigil"), ["drift", "--repo", subject.Net.Hooked.Path]);
            await DriftAsync(subject.Net.Hooked, program, arguments).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"  sigil drift (in sync, exit 0) vs etcdctl get --prefix of the same keys ({runs} measured rounds after {warmup}, sizes in turn):").ConfigureAwait(false);
        foreach (var s in subjects)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"    {s.Size,7:N0} ({s.DriftKeys:N0} keys): sigil drift {s.Drift.Describe()}; etcdctl {s.Etcdctl.Describe()}")).ConfigureAwait(false);
            if (compared is not null) await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"    {s.Size,7:N0}: sigil drift of {compared} {s.DriftCompared.Describe()}")).ConfigureAwait(false);
        }
    }

    private static Task<TimedRun> DriftAsync(BareRepository bare, string program, IEnumerable<string> arguments) =>
        TimedProcess.RunCheckedAsync(program, arguments, bare.Path, bare.Environment.Variables);

    private static Task<TimedRun> EtcdctlAsync(string endpoint, string prefix) =>
        TimedProcess.RunCheckedAsync(
            "/bin/sh",
            ["-c", "exec etcdctl --endpoints \"$1\" get --prefix \"$2\" >/dev/null", "sh", endpoint, prefix],
            Environment.CurrentDirectory,
            new Dictionary<string, string?> { ["ETCDCTL_API"] = "3" });
}
