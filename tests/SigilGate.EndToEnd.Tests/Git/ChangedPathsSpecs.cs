using System.Text;
using SigilGate.Adapters.Git;
using SigilGate.Testing;
using SigilGate.Testing.Git;

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

        var first = Commit("first");
        for (var i = 0; i < 1_500; i++) Add(first, "100644", $"big/f-{i:0000}.yaml", $"n: {i}\n");
        for (var i = 0; i < 20; i++) Add(first, "100644", $"grows/g-{i:00}.yaml", $"g: {i}\n");
        for (var i = 0; i < 1_200; i++) Add(first, "100644", $"shrinks/s-{i:0000}.yaml", $"s: {i}\n");
        Add(first, "100644", "becomes-folder", "a file first\n");
        Add(first, "100644", "becomes-file/inner.yaml", "in a folder first\n");
        Add(first, "100644", "gets-executable.sh", "echo\n");
        Add(first, "120000", "link", "big");
        Add(first, "100644", "gone/deep/er/file.yaml", "deleted with its folders\n");
        Add(first, "100644", "same/untouched.yaml", "never changes\n");

        // Without "from", fast-import goes on from the branch as the first commit left it.
        var second = Commit("second");
        Add(second, "100644", "big/f-0007.yaml", "n: seven\n");
        second.Append("D big/f-0008.yaml\n");
        Add(second, "100644", "big/f-9999.yaml", "added among many\n");
        Add(second, "100644", "big/x/inner.yaml", "a folder inside the large one\n");
        for (var i = 20; i < 1_000; i++) Add(second, "100644", $"grows/g-{i:0000}.yaml", $"g: {i}\n");
        Add(second, "100644", "grows/g-03.yaml", "g: three\n");
        for (var i = 0; i < 1_190; i++) second.Append($"D shrinks/s-{i:0000}.yaml\n");
        Add(second, "100644", "shrinks/s-1199.yaml", "s: last, changed\n");
        second.Append("D becomes-folder\n");
        Add(second, "100644", "becomes-folder/now.yaml", "a folder now\n");
        second.Append("D becomes-file/inner.yaml\n");
        Add(second, "100644", "becomes-file", "a file now\n");
        Add(second, "100755", "gets-executable.sh", "echo\n");
        Add(second, "120000", "link", "same");
        second.Append("D gone/deep/er/file.yaml\n");
        Add(second, "100644", "new/deep/er/file.yaml", "added with its folders\n");

        var import = await Processes.RunAsync("git", ["fast-import", "--quiet"], repository, environment.Variables, first.Append('\n').Append(second).ToString());
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

    private static StringBuilder Commit(string message) =>
        new($"commit refs/heads/main\ncommitter Test <test@example.invalid> 1795000000 +0000\ndata {message.Length}\n{message}\n");

    private static void Add(StringBuilder stream, string mode, string path, string content) =>
        stream.Append("M ").Append(mode).Append(" inline ").Append(path).Append("\ndata ").Append(Encoding.UTF8.GetByteCount(content)).Append('\n').Append(content).Append('\n');
}
