using SigilGate.Cli.Commands;
using SigilGate.Domain.Diagnostics;

namespace SigilGate.EndToEnd.Tests.Commands;

/// <summary>What the hooks print, and GitLab's second copy of each rejection line.</summary>
public class ReporterSpecs
{
    [TestCase("GL_ID", "user-1", true)]
    [TestCase("GL_USERNAME", "core-1", true)]
    [TestCase("GL_ID", "", false)]
    [TestCase("GL_USER", "core-1", false)]
    [TestCase("REMOTE_USER", "core-1", false)]
    [TestCase("GITEA_PUSHER_NAME", "core-1", false)]
    public void GitLab_is_recognised_by_its_own_variables_only(string variable, string value, bool gitLab) =>
        Reporter.IsGitLab(new Dictionary<string, string?> { [variable] = value }).ShouldBe(gitLab);

    [Test]
    public void Under_GitLab_every_rejection_line_is_also_printed_with_its_prefix_and_other_lines_once()
    {
        var text = Print(new Dictionary<string, string?> { ["GL_ID"] = "user-1", ["GL_USERNAME"] = "core-1" });

        text.ShouldBe("""
            sigil: notice
            sigil: error: network.yaml: bad
            GL-HOOK-ERR: sigil: error: network.yaml: bad
            sigil: push rejected: 1 error
            GL-HOOK-ERR: sigil: push rejected: 1 error
            sigil: hint: pull first
            GL-HOOK-ERR: sigil: hint: pull first

            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public void Without_GitLab_no_line_carries_its_prefix()
    {
        var text = Print(new Dictionary<string, string?> { ["GL_USER"] = "core-1" });

        text.ShouldNotContain("GL-HOOK-ERR");
        text.ShouldContain("sigil: error: network.yaml: bad\n");
        text.ShouldContain("sigil: hint: pull first\n");
    }

    private static string Print(Dictionary<string, string?> environment)
    {
        using var error = new StringWriter { NewLine = "\n" };
        var reporter = Reporter.ForHook(error, environment);
        reporter.Line("notice");
        reporter.Errors([Diagnostic.InFile("network.yaml", "bad")], "push rejected");
        reporter.Rejection("hint: pull first");
        return error.ToString();
    }
}
