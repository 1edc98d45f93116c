using System.Globalization;

namespace SigilGate.Testing.InMemory;

/// <summary>
/// Seeded histories of one folder of records, as people and Core nodes make them: changes, deletions
/// and writes back to an earlier content; merges both ways, onto any of the last few commits; back-dated
/// and same-minute commits. The same seed gives the same history, commit ids included.
/// </summary>
public static class RecordHistories
{
    public static RecordHistory Generate(int seed, int records = 12, int commits = 60, int others = 0)
    {
        var random = new Random(seed);
        var history = new InMemoryRepository();
        var paths = Enumerable.Range(0, records).Select(i => $"state/core-1/entries/e-{i}.yaml").ToArray();

        // Records never walked, beside the walked ones: they make the folder as large as a test needs.
        var start = paths.Select(p => (TreeChange)(p, "0")).Concat(Enumerable.Range(0, others).Select(i => (TreeChange)($"state/core-1/entries/other-{i}.yaml", "x")));
        var made = new List<string> { history.Commit("main", "start", [.. start]) };
        for (var i = 0; i < commits; i++)
        {
            if (random.Next(5) == 0) history.NextTime = history.NextTime.AddMinutes(-random.Next(0, 30));
            var changes = Enumerable.Range(0, random.Next(0, 4))
                .Select(_ => (TreeChange)(paths[random.Next(paths.Length)], random.Next(4) == 0 ? null : random.Next(3).ToString(CultureInfo.InvariantCulture)))
                .DistinctBy(c => c.Path)
                .ToArray();
            var parent = made[random.Next(Math.Max(0, made.Count - 6), made.Count)];
            made.Add(random.Next(4) == 0 && made.Count > 2
                ? history.CommitOn([parent, made[random.Next(made.Count - 1)]], "merge", changes)
                : history.CommitOn([parent], "change", changes));
        }

        return new RecordHistory(history, made, paths);
    }
}

/// <param name="Commits">Every commit made, oldest first.</param>
/// <param name="Paths">The records the history changes.</param>
public sealed record RecordHistory(InMemoryRepository Repository, IReadOnlyList<string> Commits, IReadOnlyList<string> Paths);
