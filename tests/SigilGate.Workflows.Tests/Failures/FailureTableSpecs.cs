using SigilGate.Workflows.Failures;

namespace SigilGate.Workflows.Tests.Failures;

/// <summary>What each command and hook answers to each failure: its exit code and its lines (printed after <c>sigil: </c>).</summary>
public class FailureTableSpecs
{
    private const string Refusal = "error: the remote refused this node's access (not retried): check its key or credentials and the server's access rules";
    private const string CouldNotCheck = "push rejected: the push could not be checked";

    [TestCase(CommandName.Validate, "argument", ExitCode.Error, "error: --repo is required")]
    [TestCase(CommandName.Apply, "settings", ExitCode.Error, "error: sigil.json: Etcd:TimeoutSeconds must be 1-3600, got 0")]
    [TestCase(CommandName.Apply, "unavailable", ExitCode.Error, "error: etcd at http://127.0.0.1:1 is unreachable")]
    [TestCase(CommandName.Reconcile, "bookkeeping", ExitCode.Error, "error: etcd key /sigil/.sigil/applied is damaged: not a commit id; repair: put the last applied commit there")]
    [TestCase(CommandName.Status, "bookkeeping", ExitCode.Error, "error: etcd key /sigil/.sigil/applied is damaged: not a commit id; repair: put the last applied commit there")]
    [TestCase(CommandName.Apply, "unreadable", ExitCode.Error, "error: commit 3f2a9c1 cannot be read: no author line")]
    [TestCase(CommandName.Apply, "state", ExitCode.Error, "error: commit 3f2a9c1 not found")]
    [TestCase(CommandName.Push, "state", ExitCode.Error, "error: commit 3f2a9c1 not found")]
    [TestCase(CommandName.Drift, "git-read", ExitCode.Error, "error: repository /srv/net.git: object 3f2a9c1 is missing; run 'git fsck' in the repository")]
    [TestCase(CommandName.Push, "git-command", ExitCode.Error, "error: git fetch failed (exit 128): could not resolve host")]
    [TestCase(CommandName.Push, "overflow", ExitCode.Error, "error: counter for writer core-1 is at the largest allowed 9007199254740991")]
    [TestCase(CommandName.Validate, "io", ExitCode.Error, "error: disk full")]
    [TestCase(CommandName.Drift, "store", ExitCode.Error, "error: etcd refused the transaction")]
    [TestCase(CommandName.Drift, "unavailable", ExitCode.Error, "error: etcd at http://127.0.0.1:1 is unreachable: drift unknown (etcd could not be read, which is not 'in sync')")]
    [TestCase(CommandName.Validate, "permission", ExitCode.Error, "error: Access to the path '/srv/net.git/sigil-apply.lock' is denied.")]
    [TestCase(CommandName.Drift, "permission", ExitCode.Error, "error: Access to the path '/srv/net.git/sigil-apply.lock' is denied.")]
    [TestCase(CommandName.Push, "refused", ExitCode.Rejected, "  remote: sigil: error: unknown key\n  fatal: Could not read from remote repository.\n" + Refusal)]
    [TestCase(CommandName.Apply, "defect", ExitCode.Error, @"error: internal error (NullReferenceException): Object reference not set\u000ato an instance")]
    [TestCase(CommandName.Drift, "defect", ExitCode.Error, @"error: internal error (NullReferenceException): Object reference not set\u000ato an instance")]
    public void A_sigil_verb_exits_2_on_an_error_and_1_when_the_remote_refuses_for_good(CommandName command, string example, ExitCode code, string lines) =>
        Outcome(command, example).ShouldBe((code, lines));

    [TestCase(CommandName.Apply)]
    [TestCase(CommandName.Reconcile)]
    [TestCase(CommandName.Push)]
    public void A_verb_that_writes_says_who_may_when_it_may_not(CommandName command)
    {
        var permission = Failures.Example("permission");
        var owned = FailureTable.Outcome(command, FailureKind.Permission, permission, new FailureContext(OwnerAdvice: () => "/srv/net.git belongs to the account 'git'"));
        var unknown = FailureTable.Outcome(command, FailureKind.Permission, permission, new FailureContext(OwnerAdvice: () => null));

        owned.Code.ShouldBe(ExitCode.Error);
        owned.Lines.ShouldBe(["error: Access to the path '/srv/net.git/sigil-apply.lock' is denied.: /srv/net.git belongs to the account 'git'"]);
        unknown.Lines.ShouldBe(["error: Access to the path '/srv/net.git/sigil-apply.lock' is denied.: run it as an account that may write there"]);
    }

    [TestCase(CommandName.PreReceive, "settings", "error: sigil.json: Etcd:TimeoutSeconds must be 1-3600, got 0\n" + CouldNotCheck)]
    [TestCase(CommandName.PreReceive, "git-read", "error: repository /srv/net.git: object 3f2a9c1 is missing; run 'git fsck' in the repository\n" + CouldNotCheck)]
    [TestCase(CommandName.PreReceive, "unreadable", "error: commit 3f2a9c1 cannot be read: no author line\n" + CouldNotCheck)]
    [TestCase(CommandName.PreReceive, "refused", "error: the remote refused the push: remote: sigil: error: unknown key\n\nfatal: Could not read from remote repository.\n" + CouldNotCheck)]
    [TestCase(CommandName.PreReceive, "defect", @"error: internal error (NullReferenceException): Object reference not set\u000ato an instance" + "\n" + CouldNotCheck)]
    [TestCase(CommandName.PreCommit, "io", "error: disk full")]
    [TestCase(CommandName.PreCommit, "state", "error: commit 3f2a9c1 not found")]
    [TestCase(CommandName.PreCommit, "defect", @"error: internal error (NullReferenceException): Object reference not set\u000ato an instance")]
    public void A_push_or_commit_that_cannot_be_checked_is_rejected(CommandName command, string example, string lines) =>
        Outcome(command, example).ShouldBe((ExitCode.Rejected, lines));

    [TestCase("bookkeeping", "etcd key /sigil/.sigil/applied is damaged: not a commit id; repair: put the last applied commit there: apply of 3f2a9c1 is pending until then ('sigil apply --repo BARE' applies it after the repair)")]
    [TestCase("unavailable", "etcd at http://127.0.0.1:1 is unreachable: apply of 3f2a9c1 is pending (the next push or 'sigil apply --repo BARE' applies it)")]
    [TestCase("compacted", "revision 7 is compacted: apply of 3f2a9c1 is pending (the next push or 'sigil apply --repo BARE' applies it)")]
    [TestCase("io", "apply failed: disk full: apply of 3f2a9c1 is pending (run 'sigil apply --repo BARE')")]
    [TestCase("defect", "apply failed: Object reference not set\nto an instance: apply of 3f2a9c1 is pending (run 'sigil apply --repo BARE')")]
    [TestCase("oom", "apply failed: no memory left: apply of 3f2a9c1 is pending (run 'sigil apply --repo BARE')")]
    public void Post_receive_never_fails_an_accepted_push_and_keeps_its_apply_pending(string example, string line)
    {
        var exception = Failures.Example(example);
        var outcome = FailureTable.Outcome(CommandName.PostReceive, FailureTable.Kind(exception), exception, new FailureContext(PendingCommit: Failures.Sha));

        outcome.Code.ShouldBe(ExitCode.Ok);
        outcome.Lines.ShouldBe([line]);
    }

    private static (ExitCode, string) Outcome(CommandName command, string example)
    {
        var outcome = FailureTable.Outcome(command, Failures.Example(example));
        return (outcome.Code, string.Join('\n', outcome.Lines));
    }
}
