namespace SigilGate.EndToEnd.Tests.Install;

/// <summary>
/// The server's account and environment: the hooks run as whatever account the Git server uses,
/// with whatever HOME it leaves them, and the commands run by hand or from cron say which account
/// they need.
/// </summary>
public class ServerAccountSpecs : HookedRepository
{
    private const string Account = "nobody";

    private string _shared = null!;

    [SetUp]
    public void CreateSharedFolder()
    {
        // A folder the other account can enter (test temp folders are root's alone).
        _shared = TempDirectories.Create("sigil-account-");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_shared, (UnixFileMode)Convert.ToInt32("755", 8));
    }

    [TearDown]
    public void RemoveSharedFolder() => TempDirectories.Delete(_shared);

    private static Task<ProcessResult> AsAccountAsync(string directory, IReadOnlyList<string> variables, params string[] command) =>
        Processes.RunAsync("runuser", ["-u", Account, "--", "env", "-i", "PATH=/usr/bin:/bin", "LC_ALL=C", .. variables, .. command], directory, new Dictionary<string, string?>());

    [Test]
    public async Task A_push_is_checked_and_applied_when_the_servers_HOME_cannot_be_read()
    {
        // What fcgiwrap started from a root shell gives its account: HOME=/root, which it may not enter.
        var unreadableHome = TempDirectories.Create("sigil-roothome-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(unreadableHome, ".gitconfig"), "[user]\n\tname = root\n");
            var bare = Path.Combine(_shared, "network.git");
            var install = await InstalledNode.RunScriptAsync(Environment, "install-server.sh", ["--repo", bare, "--etcd", Etcd.Endpoint, "--owner", Account]);
            install.ExitCode.ShouldBe(0, install.ToString());
            var work = Path.Combine(_shared, "work");
            Directory.CreateDirectory(work);
            Network.WriteBase(Clone);
            foreach (var file in Directory.EnumerateFiles(Clone.Path, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.git/", StringComparison.Ordinal)))
            {
                var target = Path.Combine(work, Path.GetRelativePath(Clone.Path, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            (await Processes.RunAsync("chown", ["-R", Account, work], work, new Dictionary<string, string?>())).ExitCode.ShouldBe(0);
            string[] variables = ["HOME=" + unreadableHome, "GIT_AUTHOR_NAME=a", "GIT_AUTHOR_EMAIL=a@example.invalid", "GIT_COMMITTER_NAME=a", "GIT_COMMITTER_EMAIL=a@example.invalid"];
            (await AsAccountAsync(work, variables, "git", "init", "--quiet", "--initial-branch=main")).ExitCode.ShouldBe(0);
            (await AsAccountAsync(work, variables, "git", "add", "-A")).ExitCode.ShouldBe(0);
            (await AsAccountAsync(work, variables, "git", "commit", "--quiet", "-m", "base")).ExitCode.ShouldBe(0);

            var push = await AsAccountAsync(work, [.. variables, "SIGIL_IDENTITY=root"], "git", "push", bare, "main");

            push.ExitCode.ShouldBe(0, push.ToString());
            push.StandardError.ShouldNotContain("failed to stat");
            push.StandardError.ShouldNotContain("remote: warning");
            (await Etcd.EtcdctlAsync("get", "/sigil/nodes/core/core-1", "--print-value-only")).ShouldContain("10.0.1.1:7000");
        }
        finally
        {
            TempDirectories.Delete(unreadableHome);
        }
    }

    [TestCase("drift")]
    [TestCase("apply")]
    [TestCase("reconcile")]
    public async Task A_command_run_as_another_account_than_the_repositorys_owner_names_the_account_to_use(string command)
    {
        var bare = Path.Combine(_shared, "network.git");
        var install = await InstalledNode.RunScriptAsync(Environment, "install-server.sh", ["--repo", bare, "--etcd", Etcd.Endpoint]);
        install.ExitCode.ShouldBe(0, install.ToString());
        (await Processes.RunAsync("chmod", ["-R", "a+rX", bare], bare, new Dictionary<string, string?>())).ExitCode.ShouldBe(0);

        var run = await AsAccountAsync(_shared, ["HOME=/"], Path.Combine(bare, "hooks", "sigil"), command, "--repo", bare);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.StandardError.ShouldContain("belongs to the account 'root'");
        run.StandardError.ShouldContain("sudo -u root sigil");
        run.StandardError.ShouldNotContain("   at ");
    }
}
