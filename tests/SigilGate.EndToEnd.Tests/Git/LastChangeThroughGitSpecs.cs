using SigilGate.Git;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Apply;

namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>
/// Read through Git, with each commit's changes kept between readers (<see cref="CommitChangesCache"/>),
/// a record's last change is the one the same history gives in memory (checked there against a walk
/// of each record alone): on generated histories with merges both ways, write-backs, deletions,
/// back-dated and same-minute commits, in a folder large enough for git to read; with nothing kept,
/// everything kept, and kept files damaged.
/// </summary>
public sealed class LastChangeThroughGitSpecs
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public async Task Every_record_is_dated_as_the_history_dates_it_whatever_is_kept(int seed)
    {
        var (history, commits, paths) = RecordHistories.Generate(seed, others: 1_000);
        using var environment = new GitEnvironment();
        var repository = TempDirectories.Create("sigil-last-change-");
        try
        {
            (await Processes.RunAsync("git", ["init", "--quiet", "--bare"], repository, environment.Variables)).ExitCode.ShouldBe(0);
            await ContractHistoryImport.ImportAsync(history, repository, environment.Variables);
            var tips = commits.TakeLast(10).ToList();
            var expected = tips.ToDictionary(tip => tip, tip => Sorted(LastChange.TimesOf(history, history.FindCommit(tip)!, paths)));
            var kept = Path.Combine(repository, CommitChangesCache.FolderName);

            void DatesAsTheHistory(string kept)
            {
                using var reader = GitRepositories.Open(repository, new Dictionary<string, string?>());
                foreach (var tip in tips) Sorted(LastChange.TimesOf(reader, reader.FindCommit(tip)!, paths)).ShouldBe(expected[tip], $"{kept}, from {tip}");
            }

            DatesAsTheHistory("nothing kept");
            var files = Directory.GetFiles(kept, "*", SearchOption.AllDirectories);
            files.ShouldNotBeEmpty();
            DatesAsTheHistory("everything kept");
            Damage(files, new Random(seed));
            DatesAsTheHistory("kept files damaged");
        }
        finally
        {
            TempDirectories.Delete(repository);
        }
    }

    private static List<KeyValuePair<string, DateTimeOffset>> Sorted(IReadOnlyDictionary<string, DateTimeOffset> times) =>
        [.. times.OrderBy(t => t.Key, StringComparer.Ordinal)];

    // Most kept files damaged one way or another: cut short, another commit's, or one byte changed.
    private static void Damage(string[] files, Random random)
    {
        var contents = files.Select(File.ReadAllBytes).ToList();
        for (var i = 0; i < files.Length; i++)
        {
            var own = contents[i];
            switch (random.Next(4))
            {
                case 0:
                    File.WriteAllBytes(files[i], own[..random.Next(own.Length)]);
                    break;
                case 1:
                    File.WriteAllBytes(files[i], contents[random.Next(contents.Count)]);
                    break;
                case 2:
                    var edited = own.ToArray();
                    edited[random.Next(edited.Length)] ^= (byte)(1 << random.Next(7));
                    File.WriteAllBytes(files[i], edited);
                    break;
            }
        }
    }
}
