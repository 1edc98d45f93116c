using SigilGate.Cli.Commands;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Failures;
using SigilGate.Workflows.Ports;

namespace SigilGate.EndToEnd.Tests.Commands;

/// <summary>Every command's help, failure lines and exit code come from one runner (in process, no I/O).</summary>
public class CommandRunnerSpecs
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Test]
    public async Task Help_is_printed_and_the_command_not_run()
    {
        var ran = false;
        var (code, output, error) = await Run(CommandName.Apply, ["--repo", "x", "--help"], _ => { ran = true; throw new InvalidOperationException("ran"); });

        (code, output, error).ShouldBe((0, "usage: test\n", ""));
        ran.ShouldBeFalse();
    }

    [Test]
    public async Task A_bad_argument_is_one_error_line_and_exit_2()
    {
        var (code, _, error) = await Run(CommandName.Apply, ["--bogus"], run => throw new InvalidOperationException("not reached: " + run.Parse(["--repo"], [])));

        (code, error).ShouldBe((2, "sigil: error: unknown option --bogus (known: --repo, --help)\n"));
    }

    [Test]
    public async Task The_sigil_verbs_go_through_the_runner()
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };

        var code = await SigilCommand.RunAsync(["reconcile", "--repo"], output, error, NoEnvironment);

        (code, error.ToString()).ShouldBe((2, "sigil: error: --repo needs a value\n"));
    }

    [TestCase(CommandName.PreCommit, 1)]
    [TestCase(CommandName.Drift, 2)]
    public async Task A_Git_read_error_is_expected_not_a_defect(CommandName command, int expected)
    {
        var (code, _, error) = await Run(command, [], _ => throw new GitReadException("/srv/net.git is not a git repository"));

        (code, error).ShouldBe((expected, "sigil: error: /srv/net.git is not a git repository\n"));
    }

    [Test]
    public async Task A_failed_git_command_is_expected_not_a_defect()
    {
        var (code, _, error) = await Run(CommandName.Push, [], _ => throw new GitCommandException("git pull --rebase failed: conflict"));

        (code, error).ShouldBe((2, "sigil: error: git pull --rebase failed: conflict\n"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task What_a_command_does_on_failure_comes_after_the_failure_lines(bool defect)
    {
        var (code, _, error) = await Run(CommandName.Drift, [], run =>
        {
            run.OnFailure(() => run.Reporter.Line("metrics written down"));
            throw defect ? new NullReferenceException("bug") : new StoreUnavailableException("etcd unreachable");
        });

        code.ShouldBe(2);
        error.ShouldEndWith("\nsigil: metrics written down\n");
        error.ShouldStartWith(defect ? "sigil: error: internal error (NullReferenceException): bug\n" : "sigil: error: etcd unreachable: drift unknown");
    }

    [Test]
    public async Task Post_receive_names_the_commit_whose_apply_stays_pending_and_exits_0()
    {
        var (code, _, error) = await Run(CommandName.PostReceive, [], run =>
        {
            run.PendingCommit = "3f2a9c1d0e4b5a6978c1d2e3f4a5b6c7d8e9f001";
            throw new StoreUnavailableException("etcd unreachable");
        });

        (code, error).ShouldBe((0, "sigil: etcd unreachable: apply of 3f2a9c1 is pending (the next push or 'sigil apply --repo BARE' applies it)\n"));
    }

    [Test]
    public async Task Under_GitLab_pre_receive_gives_its_failure_lines_to_GitLab_too()
    {
        using var error = new StringWriter { NewLine = "\n" };
        var environment = new Dictionary<string, string?> { ["GL_ID"] = "user-1" };

        var code = await CommandRunner.RunAsync(CommandName.PreReceive, "usage: test", [], error, Reporter.ForHook(error, environment), environment, _ => throw new IOException("disk full"));

        code.ShouldBe(1);
        error.ToString().ShouldBe("""
            sigil: error: disk full
            GL-HOOK-ERR: sigil: error: disk full
            sigil: push rejected: the push could not be checked
            GL-HOOK-ERR: sigil: push rejected: the push could not be checked

            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public async Task Out_of_memory_is_not_caught_by_a_verb() =>
        await Should.ThrowAsync<OutOfMemoryException>(() => Run(CommandName.Apply, [], _ => throw new OutOfMemoryException()));

    private static async Task<(int Code, string Output, string Error)> Run(CommandName command, IReadOnlyList<string> args, Func<CommandRun, Task<ExitCode>> body)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = await CommandRunner.RunAsync(command, "usage: test", args, output, new Reporter(error), NoEnvironment, body);
        return (code, output.ToString(), error.ToString());
    }
}
