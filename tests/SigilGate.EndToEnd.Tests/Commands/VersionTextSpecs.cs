using SigilGate.Cli.Commands;
using SigilGate.Workflows.Failures;

namespace SigilGate.EndToEnd.Tests.Commands;

/// <summary>The version line in process: which executable names it, and that asking for it runs nothing else.</summary>
public class VersionTextSpecs
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [TestCase(CommandName.PreReceive, "pre-receive")]
    [TestCase(CommandName.PostReceive, "post-receive")]
    [TestCase(CommandName.PreCommit, "pre-commit")]
    [TestCase(CommandName.Validate, "sigil")]
    [TestCase(CommandName.Apply, "sigil")]
    [TestCase(CommandName.Reconcile, "sigil")]
    [TestCase(CommandName.Drift, "sigil")]
    [TestCase(CommandName.Push, "sigil")]
    public void Each_command_names_the_executable_it_runs_in(CommandName command, string executable)
    {
        VersionText.Line(command).ShouldBe(VersionText.Build.Line(executable));
    }

    [Test]
    public async Task A_sigil_command_asked_for_its_version_prints_the_line_and_runs_nothing()
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var ran = false;

        var code = await CommandRunner.RunAsync(CommandName.Apply, "usage: test", ["--repo", "x", "--version"], output, new Reporter(error), NoEnvironment,
            _ => { ran = true; throw new InvalidOperationException("ran"); });

        (code, output.ToString(), error.ToString()).ShouldBe((0, VersionText.Build.Line("sigil") + "\n", ""));
        ran.ShouldBeFalse();
    }

    [TestCase("version")]
    [TestCase("--version")]
    public async Task Sigil_prints_its_version_line_for_the_verb_and_the_option(string argument)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };

        var code = await SigilCommand.RunAsync([argument], output, error, NoEnvironment);

        (code, output.ToString(), error.ToString()).ShouldBe((0, $"sigil {VersionText.Build.Version}+{VersionText.Build.Commit}\n", ""));
    }
}
