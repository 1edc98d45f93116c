using System.Globalization;
using SigilGate.EndToEnd.Tests.Store;

namespace SigilGate.EndToEnd.Tests.Apply;

/// <summary>
/// <c>sigil apply</c> catching up on commits that piled up while etcd was away, over a folder of
/// tens of thousands of records (a tree of over a megabyte, read by git): its memory is that of a
/// few versions of the folder, not of one version per commit.
/// </summary>
public class CatchUpMemorySpecs : SingleEtcd
{
    private const string Time = "/usr/bin/time";
    private const int Entries = 30_000;

    private GitEnvironment environment = null!;
    private readonly List<string> repositories = [];

    [SetUp]
    public void CreateEnvironment() => environment = new GitEnvironment();

    [TearDown]
    public void Remove()
    {
        foreach (var repository in repositories) TempDirectories.Delete(repository);
        environment.Dispose();
    }

    [Test]
    public async Task An_apply_catching_up_on_many_commits_of_a_large_folder_holds_no_version_of_it_per_commit()
    {
        File.Exists(Time).ShouldBeTrue($"{Time} (GNU time) is missing: install/test.sh installs it");

        var few = await PeakOfCatchUpAsync(commits: 100);
        var many = await PeakOfCatchUpAsync(commits: 400);
        await TestContext.Out.WriteLineAsync($"peak of sigil apply: {few} KiB after 100 commits, {many} KiB after 400");

        // Each version of the folder is 1.3 MB: held per commit, 300 more commits add hundreds of megabytes.
        (many - few).ShouldBeLessThan(120 * 1024, $"peak of sigil apply: {few} KiB after 100 commits, {many} KiB after 400");
    }

    /// <summary>A repository whose etcd holds its first commit, then <paramref name="commits"/> commits each changing one entry, then the apply: its peak memory in KiB.</summary>
    private async Task<long> PeakOfCatchUpAsync(int commits)
    {
        var repository = TempDirectories.Create("sigil-catch-up-");
        repositories.Add(repository);
        (await GitAsync(repository, "init", "--quiet", "--bare")).ExitCode.ShouldBe(0);
        await File.WriteAllTextAsync(Path.Combine(repository, "sigil.json"), SigilJson.Text(Etcd.Endpoint, $"/catch-up-{commits}"));

        var network = new FastImportStream().Commit("main", "network", time: 1_795_000_000)
            .File("sigil.yaml", "roots:\n  - root\noperators:\n  - alice\n")
            .File("network.yaml", "name: catch-up\n")
            .File("nodes/core/core-1.yaml", Network.Core("core-1", "10.255.0.1:7000"));
        for (var e = 1; e <= Entries; e++) network.File(EntryPath(e), Entry(e, enabled: true));
        (await network.ImportAsync(repository, environment.Variables)).ExitCode.ShouldBe(0);
        var first = await SigilApplyAsync(repository);
        first.ExitCode.ShouldBe(0, first.ToString());

        var pending = new FastImportStream();
        for (var i = 0; i < commits; i++)
        {
            var e = i + 1;
            pending.Commit("main", $"e-{e} off", from: i == 0 ? "refs/heads/main^0" : null, time: 1_795_000_060 + (60L * i)).File(EntryPath(e), Entry(e, enabled: false));
        }

        (await pending.ImportAsync(repository, environment.Variables)).ExitCode.ShouldBe(0);
        var peak = Path.Combine(repository, "peak");
        var apply = await Processes.RunAsync(Time, ["-o", peak, "-f", "%M", SigilBinaries.Path("sigil"), "apply", "--repo", repository], repository, environment.Variables);

        apply.ExitCode.ShouldBe(0, apply.ToString());
        apply.StandardError.ShouldContain($"{commits} put, 0 deleted");
        return long.Parse((await File.ReadAllTextAsync(peak)).Trim(), CultureInfo.InvariantCulture);
    }

    private Task<ProcessResult> SigilApplyAsync(string repository) =>
        Processes.RunAsync(SigilBinaries.Path("sigil"), ["apply", "--repo", repository], repository, environment.Variables);

    private Task<ProcessResult> GitAsync(string repository, params string[] arguments) =>
        Processes.RunAsync("git", arguments, repository, environment.Variables);

    private static string EntryPath(int e) => $"nodes/entry/e-{e}.yaml";

    private static string Entry(int e, bool enabled) =>
        Network.Entry($"e-{e}", "core-1", $"10.{(e >> 16) & 255}.{(e >> 8) & 255}.{e & 255}:443", enabled);
}
