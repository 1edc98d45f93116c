using SigilGate.Git;

namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>
/// pre-receive keeps the large trees it reads in the repository, so that the next push reads its
/// tip's tree back instead of having git inflate it again. A kept tree is used only when its content
/// hashes to its id: damaged, cut short, or another tree's content, it is read from git as before.
/// </summary>
public sealed class LargeTreeCacheSpecs
{
    private GitEnvironment environment = null!;
    private string repository = null!;
    private string quarantine = null!;
    private string tip = null!;
    private string pushed = null!;

    private string Kept => Path.Combine(repository, LargeTreeCache.FolderName);

    [SetUp]
    public async Task CreateRepositoryAsync()
    {
        environment = new GitEnvironment();
        repository = TempDirectories.Create("sigil-tree-cache-");
        (await Git("init", "--quiet", "--bare")).ExitCode.ShouldBe(0);
        quarantine = Path.Combine(repository, "objects", "tmp_objdir-incoming-test");
        Directory.CreateDirectory(quarantine);

        var stream = new FastImportStream().Commit("main", "large", time: 1_795_000_000);
        for (var i = 0; i < 1_500; i++) stream.File($"nodes/entry/e-{i}.yaml", $"n: {i}\n");
        (await stream.ImportAsync(repository, environment.Variables)).ExitCode.ShouldBe(0);
        tip = (await Git("rev-parse", "main")).StandardOutput.Trim();

        // The pushed commit as receive-pack holds it: its objects in the quarantine only.
        var push = new FastImportStream().Commit("pushed", "one file", from: "refs/heads/main", time: 1_795_000_100).File("nodes/entry/e-700.yaml", "n: changed\n");
        (await push.ImportAsync(repository, environment.With(("GIT_OBJECT_DIRECTORY", quarantine), ("GIT_ALTERNATE_OBJECT_DIRECTORIES", Path.Combine(repository, "objects"))))).ExitCode.ShouldBe(0);
        pushed = (await Git("rev-parse", "pushed")).StandardOutput.Trim();
        (await Git("cat-file", "-e", pushed)).ExitCode.ShouldNotBe(0, "the pushed commit must be in the quarantine only");
    }

    [TearDown]
    public void Remove()
    {
        TempDirectories.Delete(repository);
        environment.Dispose();
    }

    [Test]
    public async Task The_large_trees_a_push_reads_are_kept_byte_for_byte_as_git_holds_them()
    {
        Diff().ShouldBe(["nodes/entry/e-700.yaml"]);

        var tipTree = await TreeAsync(tip);
        var pushedTree = await TreeAsync(pushed, inQuarantine: true);
        Directory.GetFiles(Kept).Select(Path.GetFileName).ShouldBe([tipTree, pushedTree], ignoreOrder: true);
        (await File.ReadAllBytesAsync(Path.Combine(Kept, tipTree))).ShouldBe(await RawAsync(tipTree));
        (await File.ReadAllBytesAsync(Path.Combine(Kept, pushedTree))).ShouldBe(await RawAsync(pushedTree, inQuarantine: true));
    }

    [Test]
    public void The_next_push_reads_the_kept_trees_and_finds_the_same_change_without_starting_git()
    {
        Diff().ShouldBe(["nodes/entry/e-700.yaml"]);

        NoGitStarted(() => Diff().ShouldBe(["nodes/entry/e-700.yaml"]));
    }

    [Test]
    public async Task A_pushed_tree_that_arrived_loose_is_inflated_in_process_without_starting_git()
    {
        await UnpackQuarantineAsync();
        Diff().ShouldBe(["nodes/entry/e-700.yaml"]);
        var pushedTree = await TreeAsync(pushed, inQuarantine: true);
        File.Exists(Path.Combine(quarantine, pushedTree[..2], pushedTree[2..])).ShouldBeTrue("the pushed tree is a loose object");
        File.Delete(Path.Combine(Kept, pushedTree));

        NoGitStarted(() => Diff().ShouldBe(["nodes/entry/e-700.yaml"]));

        (await File.ReadAllBytesAsync(Path.Combine(Kept, pushedTree))).ShouldBe(await RawAsync(pushedTree, inQuarantine: true));
    }

    [Test]
    public async Task A_reader_keeps_the_first_large_trees_it_reads_and_not_those_of_a_walk_back_through_the_history()
    {
        // Eight more commits, each a new version of the folder: a walk reads the folder of each.
        var commits = new List<string> { tip };
        for (var i = 0; i < 8; i++)
        {
            var change = new FastImportStream().Commit("main", $"change {i}", from: "refs/heads/main^0", time: 1_795_000_200 + i).File($"nodes/entry/e-{i}.yaml", $"n: changed {i}\n");
            (await change.ImportAsync(repository, environment.Variables)).ExitCode.ShouldBe(0);
            commits.Add((await Git("rev-parse", "main")).StandardOutput.Trim());
        }

        // As pre-receive reads: through the quarantine, keeping what it reads.
        using (var reader = GitRepositories.Open(repository, new Dictionary<string, string?> { ["GIT_QUARANTINE_PATH"] = quarantine }))
        {
            for (var i = commits.Count - 1; i > 0; i--) reader.ChangedPaths(commits[i - 1], commits[i]).ShouldBe([$"nodes/entry/e-{i - 1}.yaml"]);
        }

        var trees = new List<string>();
        foreach (var commit in commits) trees.Add(await TreeAsync(commit));
        var kept = Directory.GetFiles(Kept).Select(Path.GetFileName).ToList();
        kept.Count.ShouldBe(6);
        kept.ShouldContain(trees[^1], "the newest folder, read first");
        kept.ShouldContain(trees[^2]);
        kept.ShouldNotContain(trees[0], "the oldest, read last");
    }

    public static IEnumerable<TestCaseData> Damages()
    {
        yield return new TestCaseData((Func<byte[], byte[], byte[]>)((_, other) => other)).SetName("A kept tree holding another tree's content is not used");
        yield return new TestCaseData((Func<byte[], byte[], byte[]>)((own, _) => own[..(own.Length / 2)])).SetName("A kept tree cut short is not used");
        yield return new TestCaseData((Func<byte[], byte[], byte[]>)((_, _) => "not a tree"u8.ToArray())).SetName("A kept tree replaced by garbage is not used");
        yield return new TestCaseData((Func<byte[], byte[], byte[]>)((own, _) =>
        {
            var edited = own.ToArray();
            edited[^1] ^= 0x01;
            return edited;
        })).SetName("A kept tree with one bit changed is not used");
    }

    [TestCaseSource(nameof(Damages))]
    public async Task A_damaged_kept_tree_is_read_from_git_instead(Func<byte[], byte[], byte[]> damage)
    {
        Diff().ShouldBe(["nodes/entry/e-700.yaml"]);
        var tipTree = Path.Combine(Kept, await TreeAsync(tip));
        var pushedTree = Path.Combine(Kept, await TreeAsync(pushed, inQuarantine: true));

        // The tip's tree kept as the pushed one's would make the two look the same: no change at all.
        await File.WriteAllBytesAsync(tipTree, damage(await File.ReadAllBytesAsync(tipTree), await File.ReadAllBytesAsync(pushedTree)));

        Diff().ShouldBe(["nodes/entry/e-700.yaml"]);
        (await File.ReadAllBytesAsync(tipTree)).ShouldBe(await RawAsync(await TreeAsync(tip)), "read from git, the tree is kept again");
    }

    private void NoGitStarted(Action read) => GitStarts.During(repository, read).ShouldBeFalse("no git was started");

    /// <summary>The pushed objects as receive-pack leaves a small push: loose (unpack-objects), not a pack.</summary>
    private async Task UnpackQuarantineAsync()
    {
        foreach (var pack in Directory.GetFiles(Path.Combine(quarantine, "pack"), "*.pack"))
        {
            var moved = Path.Combine(repository, "pushed.pack");
            File.Move(pack, moved);
            File.Delete(Path.ChangeExtension(pack, ".idx"));
            var unpack = await Processes.RunAsync("sh", ["-c", $"git unpack-objects -q < {moved}"], repository, GitVariables(inQuarantine: true));
            unpack.ExitCode.ShouldBe(0, unpack.ToString());
            File.Delete(moved);
        }
    }

    /// <summary>The diff of the tip and the pushed commit, read as pre-receive reads it (through the quarantine).</summary>
    private IReadOnlyList<string> Diff()
    {
        // The diff of a commit and its parent is kept too (CommitChangesCache): each diff here is made from the trees.
        if (Directory.Exists(Path.Combine(repository, CommitChangesCache.FolderName))) Directory.Delete(Path.Combine(repository, CommitChangesCache.FolderName), recursive: true);
        using var reader = GitRepositories.Open(repository, new Dictionary<string, string?> { ["GIT_QUARANTINE_PATH"] = quarantine });
        return reader.ChangedPaths(tip, pushed);
    }

    private async Task<string> TreeAsync(string commit, bool inQuarantine = false) =>
        (await Git(inQuarantine, "rev-parse", $"{commit}:nodes/entry")).StandardOutput.Trim();

    private async Task<byte[]> RawAsync(string tree, bool inQuarantine = false)
    {
        var raw = Path.Combine(repository, "raw-tree");
        (await Processes.RunAsync("sh", ["-c", $"git cat-file tree {tree} > {raw}"], repository, GitVariables(inQuarantine))).ExitCode.ShouldBe(0);
        var bytes = await File.ReadAllBytesAsync(raw);
        File.Delete(raw);
        return bytes;
    }

    private IReadOnlyDictionary<string, string?> GitVariables(bool inQuarantine) =>
        inQuarantine ? environment.With(("GIT_OBJECT_DIRECTORY", quarantine), ("GIT_ALTERNATE_OBJECT_DIRECTORIES", Path.Combine(repository, "objects"))) : environment.Variables;

    private Task<ProcessResult> Git(params string[] arguments) => Git(false, arguments);

    private Task<ProcessResult> Git(bool inQuarantine, params string[] arguments) => Processes.RunAsync("git", arguments, repository, GitVariables(inQuarantine));
}
