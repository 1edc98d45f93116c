using System.Globalization;
using dotnet_etcd;
using SigilGate.Testing;

namespace SigilGate.Bench;

/// <summary>
/// <c>sigil push --node core-1</c> on each size's area (N entries and N state records): idle runs,
/// then runs after raw etcd writes of 100 state records (one Txn), each checked as the pusher
/// scenario checks them (exactly 100 mirrored, the branch moved, the next run idle). Sizes take
/// turns. Then runs that change 100 records the node never changed (no version sidecar in Git: each
/// is dated by the commit that wrote it, looked up back through the history), a fresh range each run.
/// Then, per size, one changed and one idle run under /usr/bin/time with the hooks under it too.
/// </summary>
internal static class ScalePusher
{
    public const int Changed = 100;

    public static async Task MeasureAsync(IReadOnlyList<ScaleSubject> subjects, string endpoint, int runs, int warmup, PeakMemory peaks, TextWriter output)
    {
        for (var i = 0; i < warmup + runs; i++)
        {
            foreach (var subject in subjects)
            {
                var idle = await subject.NodeArea.IdleRunAsync().ConfigureAwait(false);
                if (i >= warmup) subject.Idle.Add(idle);
            }
        }

        // A changed run swings with the load, and it is the slow one at 100,000: 3 to 5 measured.
        var changedRuns = Math.Clamp(runs / 2, 3, 5);
        using var client = new EtcdClient(endpoint);
        var round = 1;
        async Task ChangedRunsAsync(Func<ScaleSubject, ChangeCase> measured, Func<int, int> firstEntry)
        {
            for (var i = 0; i < 1 + changedRuns; i++)
            {
                foreach (var subject in subjects)
                {
                    await PusherScenario.RawChangesAsync(client, subject.NodeArea.Prefix, Changed, round++, firstEntry(i)).ConfigureAwait(false);
                    await subject.NodeArea.ChangedRunAsync(Changed, i >= 1 ? measured(subject) : null).ConfigureAwait(false);
                }
            }
        }

        foreach (var subject in subjects) subject.Changed = new ChangeCase(subject.NodeArea, Changed, string.Create(CultureInfo.InvariantCulture, $"{Changed} of {subject.Size:N0} changed"));
        await ChangedRunsAsync(subject => subject.Changed!, _ => 1).ConfigureAwait(false);

        // Entries e-101 on, 100 more each run: never changed by the node before.
        foreach (var subject in subjects) subject.FirstChanged = new ChangeCase(subject.NodeArea, Changed, string.Create(CultureInfo.InvariantCulture, $"{Changed} of {subject.Size:N0} changed for the first time"));
        await ChangedRunsAsync(subject => subject.FirstChanged!, run => Changed * (run + 1) + 1).ConfigureAwait(false);

        foreach (var subject in subjects)
        {
            var area = subject.NodeArea;
            area.Peaks = peaks;
            area.PeakName = string.Create(CultureInfo.InvariantCulture, $"{subject.Size}: sigil push");
            peaks.WrapHooks(area.Bare, subject.Size, "push from sigil push");
            await PusherScenario.RawChangesAsync(client, area.Prefix, Changed, round++).ConfigureAwait(false);
            await area.ChangedRunAsync(Changed, null).ConfigureAwait(false);
            await area.IdleRunAsync().ConfigureAwait(false);
            PeakMemory.UnwrapHooks(area.Bare);
            area.Peaks = null;
        }

        await output.WriteLineAsync($"  sigil push on core-1's area ({runs} idle rounds after {warmup}; {changedRuns} changed runs of {Changed} records after 1 unmeasured; sizes in turn):").ConfigureAwait(false);
        foreach (var s in subjects)
        {
            var c = s.Changed!;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"    {s.Size,7:N0}: idle {s.Idle.Describe()}; {c.Name}: {c.Times.Describe()} ({c.Conflicts} conflicts, {c.Settled} of {c.Times.Count} followed by an idle run); plain git, the same commit: {c.PlainGit.Describe()}")).ConfigureAwait(false);
            var f = s.FirstChanged!;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"             {f.Name}: {f.Times.Describe()} ({f.Conflicts} conflicts, {f.Settled} of {f.Times.Count} followed by an idle run); plain git, the same commit: {f.PlainGit.Describe()}")).ConfigureAwait(false);
        }

        foreach (var c in subjects.SelectMany(s => new[] { s.Changed!, s.FirstChanged! }))
        {
            await output.WriteLineAsync($"    where the time of one changed run goes, {c.Name} (trace2; medians over runs):").ConfigureAwait(false);
            await c.Phases.PrintAsync(output, "      ").ConfigureAwait(false);
        }
    }
}
