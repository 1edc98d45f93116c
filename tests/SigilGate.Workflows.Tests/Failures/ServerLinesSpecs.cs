using SigilGate.Workflows.Failures;

namespace SigilGate.Workflows.Tests.Failures;

public class ServerLinesSpecs
{
    [Test]
    public void The_hooks_lines_of_a_local_push_are_kept_without_git_s_prefixes_and_report()
    {
        const string messages = "remote: sigil: error: a.yaml: no\nremote: sigil: push rejected: 1 error\nerror: failed to push some refs to '.'\nTo .\n!\tabc:refs/heads/main\t[remote rejected] (pre-receive hook declined)\nDone\n";

        ServerLines.OfHooks(messages).ShouldBe(["  error: a.yaml: no", "  push rejected: 1 error"]);
    }

    [Test]
    public void Without_a_hook_s_line_every_line_is_kept()
    {
        ServerLines.OfHooks("error: cannot lock ref 'refs/heads/main'\n").ShouldBe(["  error: cannot lock ref 'refs/heads/main'"]);
    }
}
