using SigilGate.Domain.Gate;
using SigilGate.Domain.Mirror;

namespace SigilGate.Domain.Tests.Mirror;

public class RemoteAnswerSpecs
{
    private const string Declined = "To /srv/net.git\n!\trefs/heads/main:refs/heads/main\t[remote rejected] (pre-receive hook declined)\nDone\n";

    [Test]
    public void An_accepted_push_is_accepted() =>
        RemoteAnswer.OfPush(0, "To x\n=\trefs/heads/main:refs/heads/main\t[up to date]\nDone\n", "").ShouldBe(PushStatus.Accepted);

    [TestCase("[rejected] (fetch first)")]
    [TestCase("[rejected] (non-fast-forward)")]
    [TestCase("[rejected] (stale info)")]
    [TestCase("[remote rejected] (failed to update ref)")]
    [TestCase("[remote rejected] (cannot lock ref 'refs/heads/main': is at 1234 but expected 5678)")]
    public void A_ref_update_lost_to_another_push_is_a_race(string reason) =>
        RemoteAnswer.OfPush(1, $"To x\n!\trefs/heads/main:refs/heads/main\t{reason}\nDone\n", "").ShouldBe(PushStatus.Rejected);

    [Test]
    public void A_gate_rejection_that_asks_for_a_rebase_is_a_race() =>
        RemoteAnswer.OfPush(1, Declined, "remote: sigil: error: state/core-1/entries/e-1.yaml: stale\nremote: sigil: " + RebaseHint.Text + "        \n")
            .ShouldBe(PushStatus.Rejected);

    [TestCase("remote: sigil: error: state/core-2/entries/e-9.yaml: identity core-1 may only change state/core-1/\nremote: sigil: push rejected: 1 error\n")]
    [TestCase("remote: sigil: error: no identity: none of SIGIL_IDENTITY, GL_USERNAME, GITEA_PUSHER_NAME, GL_USER, REMOTE_USER is set\n")]
    [TestCase("remote: sigil: push rejected: the push could not be checked\n")]
    public void A_gate_rejection_without_the_rebase_hint_is_a_refusal(string standardError) =>
        RemoteAnswer.OfPush(1, Declined, standardError).ShouldBe(PushStatus.Refused);

    [TestCase("git@127.0.0.1: Permission denied (publickey).\nfatal: Could not read from remote repository.\n")]
    [TestCase("FATAL: W any network core-9 DENIED by fallthru\n(or you mis-spelled the reponame)\nfatal: Could not read from remote repository.\n")]
    [TestCase("fatal: Authentication failed for 'http://127.0.0.1:8080/network.git/'\n")]
    [TestCase("fatal: unable to access 'http://127.0.0.1:8080/network.git/': The requested URL returned error: 403\n")]
    public void A_server_that_does_not_let_the_account_in_is_a_refusal(string standardError)
    {
        RemoteAnswer.OfPush(128, "", standardError).ShouldBe(PushStatus.Refused);
        RemoteAnswer.IsAccessDenied(standardError).ShouldBeTrue();
    }

    [TestCase("ssh: connect to host 127.0.0.1 port 2222: Connection refused\nfatal: Could not read from remote repository.\n")]
    [TestCase("fatal: unable to access 'http://127.0.0.1:1/n.git/': Failed to connect to 127.0.0.1 port 1: Connection refused\n")]
    public void A_server_that_cannot_be_reached_is_a_failure_not_a_refusal(string standardError)
    {
        RemoteAnswer.OfPush(128, "", standardError).ShouldBe(PushStatus.Failed);
        RemoteAnswer.IsAccessDenied(standardError).ShouldBeFalse();
    }
}
