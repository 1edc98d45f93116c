using SigilGate.EndToEnd.Tests.Corpus;

namespace SigilGate.EndToEnd.Tests.Install;

/// <summary>
/// install-server.sh turns on git's own checks of pushed objects: trees that some clone cannot
/// check out are refused by git before any hook runs, and a second run changes nothing.
/// </summary>
public class ServerFsckSpecs : HookedRepository
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = TempDirectories.Create("sigil-fsck-");

    [TearDown]
    public void RemoveFolder() => TempDirectories.Delete(_folder);

    private Task<ProcessResult> InstallAsync(string bare) =>
        InstalledNode.RunScriptAsync(Environment, "install-server.sh", ["--repo", bare, "--etcd", Etcd.Endpoint]);

    [Test]
    public async Task The_server_repository_checks_pushed_objects_and_a_second_run_changes_nothing()
    {
        var bare = Path.Combine(_folder, "network.git");

        var first = await InstallAsync(bare);
        var second = await InstallAsync(bare);

        first.ExitCode.ShouldBe(0, first.ToString());
        first.StandardOutput.ShouldContain("set receive.fsckObjects = true");
        first.StandardOutput.ShouldContain("set receive.fsck.gitattributesSymlink = error");
        second.ExitCode.ShouldBe(0, second.ToString());
        second.StandardOutput.ShouldContain("up to date: receive.fsckObjects = true");
        second.StandardOutput.ShouldNotContain("set receive.");
        var value = await Processes.RunAsync("git", ["config", "--get", "receive.fsckObjects"], bare, Environment.Variables);
        value.StandardOutput.Trim().ShouldBe("true");
    }

    [TestCase("docs/.gitmodules", "gitmodulesSymlink")]
    [TestCase("docs/.gitattributes", "gitattributesSymlink")]
    public async Task A_tree_with_a_symbolic_link_git_refuses_is_refused_before_the_hooks_run(string path, string check)
    {
        var bare = Path.Combine(_folder, "network.git");
        (await InstallAsync(bare)).ExitCode.ShouldBe(0);
        Network.WriteBase(Clone);
        await Clone.CommitAllAsync("base");

        // git add refuses such a link; the tree is made with plumbing, as a hostile client would.
        var link = await Plumbing.CommitWithEntryAsync(Clone, path, Plumbing.Symlink, await Plumbing.BlobAsync(Clone, "../README.md"));

        var push = await Processes.RunAsync("git", ["push", bare, link + ":refs/heads/main"], Clone.Path, Environment.With(("SIGIL_IDENTITY", "root")));

        push.ExitCode.ShouldNotBe(0);
        push.StandardError.ShouldContain(check);
        push.StandardError.ShouldNotContain("remote: sigil:");
        (await Processes.RunAsync("git", ["rev-parse", "--verify", "--quiet", "refs/heads/main"], bare, Environment.Variables)).ExitCode.ShouldNotBe(0);
    }
}
