using SigilGate.Git;

namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>
/// The reader compares trees itself, small folders through LibGit2Sharp and large ones (over about
/// 800 entries) as raw tree objects. What it reports changed or added must be exactly what
/// <c>git diff --no-renames</c> reports, whichever way each folder was read.
/// </summary>
public sealed class ChangedPathsSpecs
{
    private GitEnvironment environment = null!;
    private string repository = null!;
    private string before = null!;
    private string after = null!;

    [OneTimeSetUp]
    public async Task CreateRepositoryAsync()
    {
        environment = new GitEnvironment();
        repository = TempDirectories.Create("sigil-changed-paths-");
        (await Git("init", "--quiet", "--bare")).ExitCode.ShouldBe(0);

        var stream = new FastImportStream().Commit("main", "first");
        for (var i = 0; i < 1_500; i++) stream.File($"big/f-{i:0000}.yaml", $"n: {i}\n");
        for (var i = 0; i < 20; i++) stream.File($"grows/g-{i:00}.yaml", $"g: {i}\n");
        for (var i = 0; i < 1_200; i++) stream.File($"shrinks/s-{i:0000}.yaml", $"s: {i}\n");
        stream.File("becomes-folder", "a file first\n");
        stream.File("becomes-file/inner.yaml", "in a folder first\n");
        stream.File("gets-executable.sh", "echo\n");
        stream.File("link", "big", mode: "120000");
        stream.File("gone/deep/er/file.yaml", "deleted with its folders\n");
        stream.File("same/untouched.yaml", "never changes\n");

        // Without "from", fast-import goes on from the branch as the first commit left it.
        stream.Commit("main", "second");
        stream.File("big/f-0007.yaml", "n: seven\n");
        stream.Delete("big/f-0008.yaml");
        stream.File("big/f-9999.yaml", "added among many\n");
        stream.File("big/x/inner.yaml", "a folder inside the large one\n");
        for (var i = 20; i < 1_000; i++) stream.File($"grows/g-{i:0000}.yaml", $"g: {i}\n");
        stream.File("grows/g-03.yaml", "g: three\n");
        for (var i = 0; i < 1_190; i++) stream.Delete($"shrinks/s-{i:0000}.yaml");
        stream.File("shrinks/s-1199.yaml", "s: last, changed\n");
        stream.Delete("becomes-folder");
        stream.File("becomes-folder/now.yaml", "a folder now\n");
        stream.Delete("becomes-file/inner.yaml");
        stream.File("becomes-file", "a file now\n");
        stream.File("gets-executable.sh", "echo\n", mode: "100755");
        stream.File("link", "same", mode: "120000");
        stream.Delete("gone/deep/er/file.yaml");
        stream.File("new/deep/er/file.yaml", "added with its folders\n");

        var import = await stream.ImportAsync(repository, environment.Variables);
        import.ExitCode.ShouldBe(0, import.ToString());
        before = (await Git("rev-parse", "main~1")).StandardOutput.Trim();
        after = (await Git("rev-parse", "main")).StandardOutput.Trim();
    }

    [OneTimeTearDown]
    public void Remove()
    {
        TempDirectories.Delete(repository);
        environment.Dispose();
    }

    [Test]
    public async Task Changed_paths_are_what_git_diff_lists()
    {
        using var reader = GitRepositories.Open(repository, new Dictionary<string, string?>());

        var changed = reader.ChangedPaths(before, after);

        changed.ShouldBe(await GitDiffAsync());
        changed.ShouldContain("grows/g-03.yaml");
        changed.ShouldContain("becomes-folder");
        changed.ShouldContain("becomes-folder/now.yaml");
        changed.ShouldContain("gets-executable.sh");
        changed.ShouldNotContain("same/untouched.yaml");
    }

    [Test]
    public async Task Added_paths_are_what_git_diff_lists_as_added()
    {
        using var reader = GitRepositories.Open(repository, new Dictionary<string, string?>());

        var added = reader.AddedPaths(before, after);

        added.Order(StringComparer.Ordinal).ShouldBe(await GitDiffAsync("--diff-filter=A"));
    }

    [Test]
    public async Task From_no_commit_every_file_is_changed_and_added()
    {
        using var reader = GitRepositories.Open(repository, new Dictionary<string, string?>());

        var listed = (await Git("ls-tree", "-r", "--name-only", "-z", before)).StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();

        reader.ChangedPaths(null, before).ShouldBe(listed);
        reader.AddedPaths(null, before).Order(StringComparer.Ordinal).ShouldBe(listed);
    }

    [Test]
    public void The_same_commit_changes_nothing()
    {
        using var reader = GitRepositories.Open(repository, new Dictionary<string, string?>());

        reader.ChangedPaths(after, after).ShouldBeEmpty();
    }

    private async Task<List<string>> GitDiffAsync(params string[] options)
    {
        var diff = await Git(["diff", "--name-only", "--no-renames", "-z", .. options, before, after]);
        diff.ExitCode.ShouldBe(0, diff.ToString());
        return [.. diff.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
    }

    private Task<ProcessResult> Git(params string[] arguments) => Processes.RunAsync("git", arguments, repository, environment.Variables);
}
