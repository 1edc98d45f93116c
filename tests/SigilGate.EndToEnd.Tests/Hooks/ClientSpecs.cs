namespace SigilGate.EndToEnd.Tests.Hooks;

/// <summary>pre-commit in a clone, and sigil validate on a checkout: the server's rules, before the push.</summary>
public class ClientSpecs
{
    private GitEnvironment _environment = null!;
    private string _clone = "";

    [SetUp]
    public async Task CreateClone()
    {
        _environment = new GitEnvironment();
        _clone = TempDirectories.Create("sigil-client-");
        (await Git("init", "--quiet", ".")).ExitCode.ShouldBe(0);
        // As install-client.sh does: the hook and what it loads beside it.
        foreach (var file in Directory.EnumerateFiles(SigilBinaries.Directory))
        {
            var name = Path.GetFileName(file);
            if (name is "pre-receive" or "post-receive" or "sigil") continue;
            File.Copy(file, Path.Combine(_clone, ".git", "hooks", name));
        }
    }

    [TearDown]
    public void Remove()
    {
        TempDirectories.Delete(_clone);
        _environment.Dispose();
    }

    [Test]
    public async Task A_valid_staged_tree_commits()
    {
        Write("sigil.yaml", Network.Policy);
        Write("nodes/core/core-1.yaml", Network.Core("core-1", "10.0.1.1:7000"));
        await Git("add", "-A");

        var commit = await Git("commit", "-m", "valid");

        commit.ExitCode.ShouldBe(0, commit.ToString());
    }

    [Test]
    public async Task An_invalid_staged_file_stops_the_commit_with_the_servers_message()
    {
        Write("sigil.yaml", Network.Policy);
        Write("nodes/core/core-1.yaml", "id: core-1\naddress: 10.0.1.1:70000\nregion: eu\n");
        await Git("add", "-A");

        var commit = await Git("commit", "-m", "bad port");

        commit.ExitCode.ShouldNotBe(0);
        commit.StandardError.ShouldContain("sigil: error: nodes/core/core-1.yaml:2:10: address port must be 1-65535, got 70000");
        commit.StandardError.ShouldContain("sigil: commit rejected: 1 error");
        (await Git("rev-parse", "--verify", "--quiet", "HEAD")).ExitCode.ShouldNotBe(0);
    }

    [TestCase(false, TestName = "After a clean commit the next one is judged against the kept tree with the whole tree's messages")]
    [TestCase(true, TestName = "A damaged kept tree is no tree: the next commit is judged whole with the same messages")]
    public async Task The_kept_clean_tree_judges_the_next_commit_as_the_whole_tree_would(bool damaged)
    {
        Write("sigil.yaml", Network.Policy);
        Write("nodes/core/core-1.yaml", Network.Core("core-1", "10.0.1.1:7000"));
        Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443"));
        Write("nodes/entry/e-2.yaml", Network.Entry("e-2", "core-1", "10.0.0.2:443"));
        await Git("add", "-A");
        (await Git("commit", "-m", "clean")).ExitCode.ShouldBe(0);
        var kept = Path.Combine(_clone, ".git", "sigil-validated-tree");
        File.Exists(kept).ShouldBeTrue("a clean staged tree is kept");
        if (damaged) File.WriteAllText(kept, File.ReadAllText(kept).Replace("10.0.0.2:443", "10.0.0.9:443", StringComparison.Ordinal));

        // Only e-3 is staged; the address it takes is held by e-2, which the commit does not change.
        Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.2:443"));
        await Git("add", "-A");
        var commit = await Git("commit", "-m", "duplicate address");

        commit.ExitCode.ShouldNotBe(0);
        commit.StandardError.ShouldContain("sigil: error: nodes/entry/e-3.yaml:3:10: address 10.0.0.2:443 is also used by nodes/entry/e-2.yaml");
        commit.StandardError.ShouldContain("sigil: commit rejected: 1 error");
    }

    [Test]
    public async Task What_is_checked_is_what_is_staged_not_the_working_file()
    {
        Write("sigil.yaml", Network.Policy);
        Write("nodes/core/core-1.yaml", "id: core-1\naddress: 10.0.1.1:70000\nregion: eu\n");
        await Git("add", "-A");
        Write("nodes/core/core-1.yaml", Network.Core("core-1", "10.0.1.1:7000"));

        (await Git("commit", "-m", "staged is bad")).ExitCode.ShouldNotBe(0);
        (await Git("commit", "-a", "-m", "commit -a stages the fix")).ExitCode.ShouldBe(0);
    }

    [Test]
    public async Task Sigil_validate_checks_a_checkout()
    {
        Write("sigil.yaml", Network.Policy);
        Write("nodes/core/core-1.yaml", Network.Core("core-1", "10.0.1.1:7000"));
        var valid = await Sigil("validate", _clone);
        valid.ExitCode.ShouldBe(0, valid.ToString());

        Write("nodes/entry/e-1.yaml", "id: e-1\ncore: core-9\naddress: 10.0.0.1:443\n");
        var invalid = await Sigil("validate", _clone);
        invalid.ExitCode.ShouldBe(1, invalid.ToString());
        invalid.StandardError.ShouldContain("sigil: error: nodes/entry/e-1.yaml:2:7: ");

        (await Sigil("validate", Path.Combine(_clone, "missing"))).ExitCode.ShouldBe(2);
    }

    // 'git submodule add' leaves a '.git' file (gitdir: ...) in the folder; a clone made in place, a '.git' folder.
    [TestCase(true)]
    [TestCase(false)]
    public async Task Sigil_validate_reports_a_submodule_in_a_checkout_as_pre_commit_does(bool gitFile)
    {
        Write("sigil.yaml", Network.Policy);
        Write("nodes/core/core-1.yaml", Network.Core("core-1", "10.0.1.1:7000"));
        var nested = Path.Combine(_clone, "nodes", "entry", "e-9.yaml");
        Write("nodes/entry/e-9.yaml/README", "another repository\n");
        (await Processes.RunAsync("git", ["init", "--quiet", "."], nested, _environment.Variables)).ExitCode.ShouldBe(0);
        (await Processes.RunAsync("git", ["add", "-A"], nested, _environment.Variables)).ExitCode.ShouldBe(0);
        (await Processes.RunAsync("git", ["commit", "--quiet", "-m", "inner"], nested, _environment.Variables)).ExitCode.ShouldBe(0);
        if (gitFile)
        {
            var kept = Path.Combine(_clone, ".git", "modules", "e-9");
            Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
            Directory.Move(Path.Combine(nested, ".git"), kept);
            File.WriteAllText(Path.Combine(nested, ".git"), $"gitdir: {kept}\n");
        }

        (await Git("add", "-A")).ExitCode.ShouldBe(0);
        (await Git("ls-files", "--stage", "nodes/entry")).StandardOutput.ShouldStartWith("160000 ");
        var validate = await Sigil("validate", _clone);
        var commit = await Git("commit", "-m", "a submodule at a record path");

        const string Error = "sigil: error: nodes/entry/e-9.yaml: must be a regular file, not a submodule";
        validate.ExitCode.ShouldBe(1, validate.ToString());
        SigilLines(validate).ShouldBe([Error, "sigil: invalid: 1 error"], validate.ToString());
        commit.ExitCode.ShouldNotBe(0, commit.ToString());
        SigilLines(commit).ShouldBe([Error, "sigil: commit rejected: 1 error"], commit.ToString());
    }

    [TestCase("pre-receive")]
    [TestCase("post-receive")]
    [TestCase("pre-commit")]
    [TestCase("sigil")]
    public async Task Every_executable_explains_itself_with_help(string executable)
    {
        var help = await Processes.RunAsync(SigilBinaries.Path(executable), ["--help"], _clone, _environment.Variables);

        help.ExitCode.ShouldBe(0);
        (help.StandardOutput + help.StandardError).ShouldContain("usage: ");
    }

    private static string[] SigilLines(ProcessResult result) =>
        [.. result.StandardError.Split('\n').Select(line => line.TrimEnd()).Where(line => line.StartsWith("sigil: ", StringComparison.Ordinal))];

    private void Write(string path, string content)
    {
        var full = Path.Combine(_clone, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    private Task<ProcessResult> Git(params string[] arguments) => Processes.RunAsync("git", arguments, _clone, _environment.Variables);

    private Task<ProcessResult> Sigil(params string[] arguments) => Processes.RunAsync(SigilBinaries.Path("sigil"), arguments, _clone, _environment.Variables);
}
