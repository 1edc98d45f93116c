using SigilGate.Git;
using SigilGate.Workflows.Apply;

namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>
/// A reader keeps what each commit changed against its parent in the repository, so a walk back
/// through a Core node's commits (a record without a version sidecar is dated by the commit that last
/// changed it) reads no folder the next time, and starts no git. A kept file is used only when its
/// checksum holds and it names the commit and parent asked for: anything else is a miss, and the
/// diff is made again and kept again.
/// </summary>
public sealed class CommitChangesCacheSpecs
{
    private const string Walked = "state/core-1/entries/e-0.yaml";
    private const int NodeCommits = 12;
    private GitEnvironment environment = null!;
    private string repository = null!;
    private readonly List<string> commits = [];

    private string Kept => Path.Combine(repository, CommitChangesCache.FolderName);

    [SetUp]
    public async Task CreateRepositoryAsync()
    {
        environment = new GitEnvironment();
        repository = TempDirectories.Create("sigil-commit-changes-");
        (await Git("init", "--quiet", "--bare")).ExitCode.ShouldBe(0);

        // A folder git reads as a large one; then a Core node's commits, each changing another record of it.
        var stream = new FastImportStream().Commit("main", "operator's import", time: 1_795_000_000);
        for (var i = 0; i < 1_500; i++) stream.File($"state/core-1/entries/e-{i}.yaml", $"state: up\nn: {i}\n");
        (await stream.ImportAsync(repository, environment.Variables)).ExitCode.ShouldBe(0);
        commits.Clear();
        commits.Add((await Git("rev-parse", "main")).StandardOutput.Trim());
        for (var i = 1; i <= NodeCommits; i++)
        {
            var change = new FastImportStream().Commit("main", $"core-1 {i}", from: "refs/heads/main^0", time: 1_795_000_000 + (60 * i)).File($"state/core-1/entries/e-{i}.yaml", $"state: down\nn: {i}\n");
            (await change.ImportAsync(repository, environment.Variables)).ExitCode.ShouldBe(0);
            commits.Add((await Git("rev-parse", "main")).StandardOutput.Trim());
        }
    }

    [TearDown]
    public void Remove()
    {
        TempDirectories.Delete(repository);
        environment.Dispose();
    }

    [Test]
    public void A_walk_keeps_each_commit_s_changes_and_the_next_walk_reads_no_folder()
    {
        WalkedTime().ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1_795_000_000));
        for (var i = 1; i <= NodeCommits; i++) File.Exists(KeptFile(i)).ShouldBeTrue($"the changes of commit {i} are kept");

        NoGitStarted(() => WalkedTime().ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1_795_000_000)));
    }

    [Test]
    public void A_kept_file_holds_exactly_what_the_commit_changed()
    {
        WalkedTime();

        using var reader = GitRepositories.Open(repository, new Dictionary<string, string?>());
        for (var i = 1; i <= NodeCommits; i++) reader.ChangedPaths(commits[i - 1], commits[i]).ShouldBe([$"state/core-1/entries/e-{i}.yaml"]);
        File.ReadAllText(KeptFile(5)).ShouldContain($"~ state/core-1/entries/e-5.yaml\n");
    }

    [Test]
    public async Task Pre_receive_keeps_the_pushed_commit_s_changes_in_the_repository_not_the_quarantine()
    {
        // The pushed commit as receive-pack holds it: its objects in the quarantine only.
        var quarantine = Path.Combine(repository, "objects", "tmp_objdir-incoming-test");
        Directory.CreateDirectory(quarantine);
        var push = new FastImportStream().Commit("pushed", "core-1 again", from: "refs/heads/main", time: 1_795_010_000).File("state/core-1/entries/e-99.yaml", "state: down\n");
        (await push.ImportAsync(repository, environment.With(("GIT_OBJECT_DIRECTORY", quarantine), ("GIT_ALTERNATE_OBJECT_DIRECTORIES", Path.Combine(repository, "objects"))))).ExitCode.ShouldBe(0);
        var pushed = (await Git("rev-parse", "pushed")).StandardOutput.Trim();

        using (var reader = GitRepositories.Open(repository, new Dictionary<string, string?> { ["GIT_QUARANTINE_PATH"] = quarantine }))
        {
            reader.ChangedPaths(commits[^1], pushed).ShouldBe(["state/core-1/entries/e-99.yaml"]);
        }

        File.ReadAllText(Path.Combine(Kept, pushed[..2], $"{pushed[2..]}-{commits[^1]}")).ShouldContain("~ state/core-1/entries/e-99.yaml\n");
        Directory.GetFileSystemEntries(quarantine, "sigil-*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    public static IEnumerable<TestCaseData> Damages()
    {
        yield return new TestCaseData((Func<byte[], byte[], byte[]>)((_, other) => other)).SetName("A kept file of another commit's changes is not used");
        yield return new TestCaseData((Func<byte[], byte[], byte[]>)((own, _) => own[..(own.Length / 2)])).SetName("A kept file of a commit's changes cut short is not used");
        yield return new TestCaseData((Func<byte[], byte[], byte[]>)((_, _) => "not a list\n"u8.ToArray())).SetName("A kept file of a commit's changes replaced by garbage is not used");
        yield return new TestCaseData((Func<byte[], byte[], byte[]>)((own, _) =>
        {
            // e-5 becomes e-0: with the checksum it would say the commit changed the walked record.
            var edited = own.ToArray();
            edited[Array.LastIndexOf(edited, (byte)'5', own.Length - 73)] = (byte)'0';
            return edited;
        })).SetName("A kept file of a commit's changes with one character changed is not used");
    }

    [TestCaseSource(nameof(Damages))]
    public void A_damaged_kept_file_is_a_miss_and_is_kept_again(Func<byte[], byte[], byte[]> damage)
    {
        WalkedTime();
        var own = File.ReadAllBytes(KeptFile(5));
        File.WriteAllBytes(KeptFile(5), damage(own, File.ReadAllBytes(KeptFile(6))));

        WalkedTime().ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1_795_000_000));
        File.ReadAllBytes(KeptFile(5)).ShouldBe(own, "made again from Git and kept again");
    }

    [Test]
    public void Where_nothing_can_be_kept_nothing_is_and_the_walk_still_finds_the_change()
    {
        // A file where the folder would be: no kept file can be written beneath it (as in a repository the reader may not write to).
        File.WriteAllText(Kept, "in the way\n");

        WalkedTime().ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1_795_000_000));
        File.ReadAllText(Kept).ShouldBe("in the way\n");
    }

    private string KeptFile(int commit) => Path.Combine(Kept, commits[commit][..2], $"{commits[commit][2..]}-{commits[commit - 1]}");

    /// <summary>When the walked record last changed, read from the tip as the gate reads it.</summary>
    private DateTimeOffset WalkedTime()
    {
        using var reader = GitRepositories.Open(repository, new Dictionary<string, string?>());
        return LastChange.TimeOf(reader, reader.FindCommit(commits[^1])!, Walked);
    }

    private void NoGitStarted(Action read) => GitStarts.During(repository, read).ShouldBeFalse("no git was started");

    private Task<ProcessResult> Git(params string[] arguments) => Processes.RunAsync("git", arguments, repository, environment.Variables);
}
