using System.Globalization;

namespace SigilGate.Bench;

/// <summary>
/// The scale figures and their targets. A target "at 100,000" is checked at sizes of 100,000 and
/// more (informational below); one "at every size" at each. A growth target compares a size with
/// the smallest size measured (the one-file push's added time, the idle pusher) or with the size
/// ten times smaller (100 changed records); without that size in the run it is not checked.
/// </summary>
internal static class ScaleFigures
{
    public const int Large = 100_000;
    public const double PeakLimitMib = 512;

    public static IReadOnlyList<Figure> From(IReadOnlyList<ScaleSubject> subjects, PeakMemory peaks)
    {
        var figures = new List<Figure>();
        var smallest = subjects[0];
        foreach (var s in subjects)
        {
            var n = Size(s.Size);
            var large = s.Size >= Large;
            var added = s.Hooked.Median - s.Plain.Median;
            var addedSmallest = smallest.Hooked.Median - smallest.Plain.Median;
            figures.Add(new Figure($"S1. one-file push through the hooks, {n}", s.Hooked.Median, "the same push without hooks", s.Plain.Median, "<= 2x at every size", s.Hooked.Median <= 2 * s.Plain.Median, $"hooks add {Samples.Ms(added)}"));
            if (s != smallest)
            {
                figures.Add(new Figure($"S1. time the hooks add to a one-file push, {n}", added, $"what they add at {Size(smallest.Size)}", addedSmallest, "<= 1.3x at 100,000 vs 1,000", Check(large && smallest.Size <= 1_000, added <= 1.3 * addedSmallest)));
            }

            figures.Add(new Figure($"S1. pre-receive of a one-file push, {n}", s.PreReceive.Median, "the whole push without hooks", s.Plain.Median, "<= 1 s at 100,000", Check(large, s.PreReceive.Median <= 1000), $"post-receive {Samples.Ms(s.PostReceive.Median)}"));
            figures.Add(new Figure($"S2. first push of {n} records: pre-receive", s.FirstPreReceive.Median, "the same push without hooks", s.FirstPushPlain.Median, "<= 5 s at 100,000", Check(large, s.FirstPreReceive.Median <= 5000), $"n={s.FirstPreReceive.Count}"));
            figures.Add(new Figure(
                $"S2. first push of {n} records: the apply (post-receive)",
                s.FirstPostReceive.Median,
                string.Create(CultureInfo.InvariantCulture, $"its {s.FirstKeys:N0} keys as 128-put Txns"),
                s.FirstBaseline.Median,
                "<= 2x at 100,000",
                Check(large, s.FirstPostReceive.Median <= 2 * s.FirstBaseline.Median),
                $"n={s.FirstPostReceive.Count}; whole push {Samples.Ms(s.FirstPush.Median)}"));
            figures.Add(new Figure($"S3. sigil drift, {n} records in sync", s.Drift.Median, string.Create(CultureInfo.InvariantCulture, $"etcdctl get --prefix of its {s.DriftKeys:N0} keys"), s.Etcdctl.Median, "<= 2x at every size", s.Drift.Median <= 2 * s.Etcdctl.Median));
            if (s != smallest)
            {
                figures.Add(new Figure($"S4. sigil push, idle, {n}-record area", s.Idle.Median, $"idle at {Size(smallest.Size)}", smallest.Idle.Median, "<= 2x at 100,000 vs 1,000", Check(large && smallest.Size <= 1_000, s.Idle.Median <= 2 * smallest.Idle.Median)));
            }
            else
            {
                figures.Add(new Figure($"S4. sigil push, idle, {n}-record area", s.Idle.Median, "itself", s.Idle.Median, "the baseline of the rows below", null));
            }

            var tenth = subjects.FirstOrDefault(o => o.Size * 10 == s.Size);
            var changed = s.Changed!.Times.Median;
            figures.Add(tenth is null
                ? new Figure($"S4. sigil push, {ScalePusher.Changed} of {n} changed", changed, "plain git, the same commit", s.Changed.PlainGit.Median, "the baseline of the size ten times larger", null)
                : new Figure($"S4. sigil push, {ScalePusher.Changed} of {n} changed", changed, $"{ScalePusher.Changed} of {Size(tenth.Size)} changed", tenth.Changed!.Times.Median, "<= 1.5x at 100,000 vs 10,000", Check(large, changed <= 1.5 * tenth.Changed.Times.Median), $"plain git, the same commit: {Samples.Ms(s.Changed.PlainGit.Median)}"));

            // Records without a version sidecar yet: the target above is for records the node changed before.
            var first = s.FirstChanged!.Times.Median;
            figures.Add(tenth is null
                ? new Figure($"S4. sigil push, {ScalePusher.Changed} of {n} changed for the first time", first, $"{ScalePusher.Changed} changed again", changed, "none (records without a sidecar are dated through the history)", null)
                : new Figure($"S4. sigil push, {ScalePusher.Changed} of {n} changed for the first time", first, $"the same at {Size(tenth.Size)}", tenth.FirstChanged!.Times.Median, "none (records without a sidecar are dated through the history)", null, $"plain git, the same commit: {Samples.Ms(s.FirstChanged.PlainGit.Median)}"));
        }

        // Every executable, each size: the largest peak seen, against the limit.
        foreach (var (name, (kib, runs)) in peaks.Read().OrderBy(p => SizeOf(p.Key)).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            var mib = kib / 1024.0;
            figures.Add(new Figure($"S5. peak memory, {name}", mib, "the limit", PeakLimitMib, "<= 512 MiB", mib <= PeakLimitMib, $"largest of {runs} run(s)", "MiB"));
        }

        return figures;
    }

    /// <summary>A target checked only where it applies; elsewhere the figure is informational.</summary>
    private static bool? Check(bool applies, bool met) => applies ? met : null;

    private static string Size(int size) => size.ToString("N0", CultureInfo.InvariantCulture);

    private static int SizeOf(string peakName) =>
        int.TryParse(peakName.Split(':')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : int.MaxValue;
}
