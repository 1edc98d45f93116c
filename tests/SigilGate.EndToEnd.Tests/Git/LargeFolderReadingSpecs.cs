using System.Text;
using SigilGate.Domain.Trees;
using SigilGate.Git;
using SigilGate.Workflows.Ports;

namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>
/// Folders of more than about 800 entries are read as raw tree objects from git and searched
/// here. What the reader finds there must be exactly what git lists, including names that sort
/// around a folder (git orders a folder as if its name ended in '/'), links and executables.
/// </summary>
public sealed class LargeFolderReadingSpecs
{
    private static readonly string[] Neighbours = ["big/x-z.yaml", "big/x.y", "big/x/inner.yaml", "big/x0", "big/x", "big/y"];

    private GitEnvironment environment = null!;
    private string repository = null!;
    private string commit = null!;
    private string changed = null!;

    [OneTimeSetUp]
    public async Task CreateRepositoryAsync()
    {
        environment = new GitEnvironment();
        repository = TempDirectories.Create("sigil-large-folder-");
        (await Git("init", "--quiet", "--bare")).ExitCode.ShouldBe(0);

        var stream = new FastImportStream().Commit("main", "large");
        for (var i = 0; i < 1_500; i++) stream.File($"big/f-{i:0000}.yaml", $"n: {i}\n");
        stream.File("big/x-z.yaml", "before the folder\n");
        stream.File("big/x.y", "also before the folder\n");
        stream.File("big/x/inner.yaml", "inside the folder\n");
        stream.File("big/x0", "after the folder\n", mode: "100755");
        stream.File("big/y", "x0", mode: "120000");
        stream.File("small/a.yaml", "small\n");

        // A second large folder holding a third one, for the diffs below.
        for (var i = 0; i < 1_000; i++) stream.File($"other/g-{i:0000}.yaml", $"g: {i}\n");
        for (var i = 0; i < 1_000; i++) stream.File($"other/deep/h-{i:0000}.yaml", $"h: {i}\n");

        // A large folder no diff below goes into, read later by name.
        for (var i = 0; i < 1_000; i++) stream.File($"still/s-{i:0000}.yaml", $"s: {i}\n");

        // The next commit changes all three large folders, a small folder inside one, and a small one.
        stream.Commit("changed", "changed", from: "refs/heads/main", time: 1_795_000_100);
        stream.File("big/f-0001.yaml", "n: changed\n");
        stream.Delete("big/f-0002.yaml");
        stream.File("big/x/inner.yaml", "changed inside the folder\n");
        stream.File("other/g-0500.yaml", "g: changed\n");
        stream.File("other/g-new.yaml", "g: new\n");
        stream.File("other/deep/h-0999.yaml", "h: changed\n");
        stream.File("small/b.yaml", "small too\n");
        var import = await stream.ImportAsync(repository, environment.Variables);
        import.ExitCode.ShouldBe(0, import.ToString());
        commit = (await Git("rev-parse", "main")).StandardOutput.Trim();
        changed = (await Git("rev-parse", "changed")).StandardOutput.Trim();
    }

    [OneTimeTearDown]
    public void Remove()
    {
        TempDirectories.Delete(repository);
        environment.Dispose();
    }

    [Test]
    public async Task Named_files_of_a_large_folder_are_found_with_their_modes_ids_and_contents()
    {
        using var reader = GitRepositories.Open(repository, new Dictionary<string, string?>());

        var files = reader.Files(commit, [.. Neighbours, "big/f-0000.yaml", "big/f-1499.yaml", "big/f-1500.yaml", "big/missing"]);

        files.Files.Select(f => f.Path).Order(StringComparer.Ordinal).ShouldBe(
            ["big/f-0000.yaml", "big/f-1499.yaml", "big/x-z.yaml", "big/x.y", "big/x/inner.yaml", "big/x0", "big/y"]);
        files.Find("big/x0")!.Mode.ShouldBe(TreeFileMode.Executable);
        files.Find("big/y")!.Mode.ShouldBe(TreeFileMode.Symlink);
        Encoding.UTF8.GetString(files.Find("big/f-1499.yaml")!.Content.Span).ShouldBe("n: 1499\n");
        Encoding.UTF8.GetString(files.Find("big/x.y")!.Content.Span).ShouldBe("also before the folder\n");
        foreach (var file in files.Files) file.ObjectId.ShouldBe(await IdAsync(file.Path));
    }

    [Test]
    public async Task The_whole_tree_reads_as_git_lists_it()
    {
        using var reader = GitRepositories.Open(repository, new Dictionary<string, string?>());

        var snapshot = reader.Snapshot(commit);

        var listed = (await Git("ls-tree", "-r", "--format=%(objectmode) %(objectname) %(path)", commit)).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        snapshot.Files.Select(f => $"{Mode(f.Mode)} {f.ObjectId} {f.Path}").Order(StringComparer.Ordinal)
            .ShouldBe(listed.Order(StringComparer.Ordinal));
    }

    [Test]
    public void A_large_folder_lists_its_files_and_its_subfolders()
    {
        using var reader = GitRepositories.Open(repository, new Dictionary<string, string?>());

        var listing = reader.ListFolder(commit, "big");

        listing.Folders.ShouldBe(["big/x"]);
        listing.Files.Count.ShouldBe(1_504);
        listing.Files.ShouldContain(f => f.Path == "big/x.y");
        listing.Files.ShouldNotContain(f => f.Path == "big/x/inner.yaml");
    }

    [Test]
    public async Task A_diff_through_large_folders_and_a_later_read_by_name_list_what_git_lists_with_one_git_for_the_reader()
    {
        var trace = Path.Combine(repository, "trace2.json");
        File.Delete(trace);
        IReadOnlyList<string> paths;
        IReadOnlySet<string> added;
        TreeSnapshot later;
        var previous = Environment.GetEnvironmentVariable("GIT_TRACE2_EVENT");
        Environment.SetEnvironmentVariable("GIT_TRACE2_EVENT", trace);
        try
        {
            using var reader = GitRepositories.Open(repository, new Dictionary<string, string?>());
            paths = reader.ChangedPaths(commit, changed);
            added = reader.AddedPaths(commit, changed);
            later = reader.Files(changed, ["still/s-0001.yaml", "still/s-0500.yaml", "still/s-0999.yaml", "still/s-1000.yaml"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GIT_TRACE2_EVENT", previous);
        }

        var listed = (await Git("diff", "--name-only", "--no-renames", commit, changed)).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        paths.ShouldBe(listed.Order(StringComparer.Ordinal).ToList());
        added.Order(StringComparer.Ordinal).ShouldBe(["other/g-new.yaml", "small/b.yaml"]);

        later.Files.Select(f => f.Path).ShouldBe(["still/s-0001.yaml", "still/s-0500.yaml", "still/s-0999.yaml"], ignoreOrder: true);

        // big and other (both large, both changed), then other/deep (found inside other), then
        // still: three rounds of reading, one git, which has ended with the reader.
        var events = File.ReadLines(trace).Where(line => line.Contains("\"cat-file\"", StringComparison.Ordinal) || line.Contains("\"event\":\"exit\"", StringComparison.Ordinal)).ToList();
        events.Count(line => line.Contains("\"event\":\"start\"", StringComparison.Ordinal)).ShouldBe(1);
        events.Count(line => line.Contains("\"event\":\"exit\"", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Test]
    public async Task After_a_tree_git_cannot_find_the_next_read_gets_exactly_the_trees_it_asks_for()
    {
        var big = await IdAsync("big");
        var other = await IdAsync("other");
        using var trees = new GitTreeObjects(repository);

        var missing = Should.Throw<GitReadException>(() => trees.Read([new string('0', big.Length), big]));
        var next = trees.Read([other]);

        missing.Message.ShouldContain("missing");
        next.Keys.ShouldBe([other]);
        next[other].Count.ShouldBe(1_001);
    }

    private async Task<string> IdAsync(string path) => (await Git("rev-parse", $"{commit}:{path}")).StandardOutput.Trim();

    private Task<ProcessResult> Git(params string[] arguments) => Processes.RunAsync("git", arguments, repository, environment.Variables);

    private static string Mode(TreeFileMode mode) => mode switch
    {
        TreeFileMode.Executable => "100755",
        TreeFileMode.Symlink => "120000",
        TreeFileMode.Submodule => "160000",
        _ => "100644",
    };
}
