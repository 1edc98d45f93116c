using SigilGate.Domain.Configuration;
using SigilGate.Domain.Gate;
using SigilGate.Domain.Git;
using SigilGate.Domain.Records;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Versioning;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Gate;

namespace SigilGate.Workflows.Tests.Gate;

/// <summary>pre-receive's decision on a push to main, on top of an accepted base network.</summary>
public class ReceiveGateSpecs
{
    private InMemoryRepository repository = null!;
    private string tip = "";

    [SetUp]
    public void AcceptedBase()
    {
        repository = new InMemoryRepository();
        tip = repository.Commit("main", "base network", Network.Base);
    }

    private GateVerdict Check(string newSha, string? identity, string? oldSha = null, SigilSettings? settings = null, params string[] options) =>
        Check([new RefUpdate(oldSha ?? tip, newSha, "refs/heads/main")], identity, settings, options);

    private GateVerdict Check(IReadOnlyList<RefUpdate> updates, string? identity, SigilSettings? settings = null, params string[] options) =>
        new ReceiveGate(repository, settings ?? new SigilSettings()).Check(new ReceivedPush(updates, identity, options));

    // A commit on the accepted tip that no branch points at yet: what a push brings.
    private string Pushed(string message, params TreeChange[] changes) => repository.CommitOn([tip], message, changes);

    private static string[] Messages(GateVerdict verdict) => verdict.Errors.Select(e => e.ToString()).ToArray();

    [Test]
    public void An_operator_adding_a_valid_entry_is_accepted()
    {
        var verdict = Check(Pushed("add e-3", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"))), "alice");

        verdict.Accepted.ShouldBeTrue(string.Join("\n", Messages(verdict)));
        verdict.Hints.ShouldBeEmpty();
    }

    [Test]
    public void A_core_node_writing_outside_its_area_is_rejected_at_that_path()
    {
        var verdict = Check(Pushed("core-1 edits an entry", ("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443", enabled: false))), "core-1");

        verdict.Accepted.ShouldBeFalse();
        verdict.Errors.ShouldContain(e => e.Path == "nodes/entry/e-1.yaml" && e.Message == "identity core-1 may only change state/core-1/");
    }

    [Test]
    public void A_core_node_writing_its_own_state_is_accepted()
    {
        var verdict = Check(Pushed("core-1 reports e-1 down", ("state/core-1/entries/e-1.yaml", Network.State("down", "2026-11-23T11:00:00Z"))), "core-1");

        verdict.Accepted.ShouldBeTrue(string.Join("\n", Messages(verdict)));
    }

    [Test]
    public void A_change_outside_the_area_hidden_in_an_earlier_commit_of_the_push_is_caught()
    {
        var sneaky = Pushed("core-1 disables e-1", ("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443", enabled: false)));
        var undone = repository.CommitOn([sneaky], "and undoes it", ("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443")));

        var verdict = Check(undone, "core-1");

        verdict.Errors.ShouldContain(e => e.Path == "nodes/entry/e-1.yaml");
    }

    [Test]
    public void A_core_node_merging_an_operator_s_newer_change_is_not_held_to_that_change()
    {
        var own = Pushed("core-1 reports e-1 down", ("state/core-1/entries/e-1.yaml", Network.State("down", "2026-11-23T11:00:00Z")));
        var operatorChange = repository.Commit("main", "alice disables e-2", ("nodes/entry/e-2.yaml", Network.Entry("e-2", "core-2", "10.0.0.2:443", enabled: false)));

        // 'git pull --no-rebase' on the node: its own commit is the merge's first parent.
        var merge = repository.CommitOn([own, operatorChange], "merge main", ("nodes/entry/e-2.yaml", Network.Entry("e-2", "core-2", "10.0.0.2:443", enabled: false)));

        var verdict = Check(merge, "core-1", oldSha: operatorChange);

        verdict.Accepted.ShouldBeTrue(string.Join("\n", Messages(verdict)));
    }

    [Test]
    public void A_stale_core_node_push_is_rejected_naming_both_versions_with_the_rebase_hint()
    {
        const string path = "state/core-1/entries/e-1.yaml";
        tip = repository.Commit("main", "core-1 at 6", Network.StateWithVersion(path, "up", "core-1", ("core-1", 6)));

        var verdict = Check(Pushed("core-1 from a stale base", Network.StateWithVersion(path, "down", "core-1", ("core-1", 5))), "core-1");

        verdict.Errors.ShouldContain(e => e.Path == path && e.Message == "conflict: this push's version {core-1:5} has not seen the branch's {core-1:6}");
        verdict.Hints.ShouldBe([RebaseHint.Text]);
    }

    [Test]
    public void A_core_node_push_that_has_seen_the_branch_s_version_is_accepted()
    {
        const string path = "state/core-1/entries/e-1.yaml";
        tip = repository.Commit("main", "core-1 at 6", Network.StateWithVersion(path, "up", "core-1", ("core-1", 6)));

        var verdict = Check(Pushed("core-1 at 7", Network.StateWithVersion(path, "down", "core-1", ("core-1", 7))), "core-1");

        verdict.Accepted.ShouldBeTrue(string.Join("\n", Messages(verdict)));
    }

    [Test]
    public void A_core_node_s_first_changes_to_records_without_sidecars_are_dated_in_one_walk_of_the_history()
    {
        // Forty state records an operator wrote (no sidecars), then thirty commits that leave them alone.
        var ids = Enumerable.Range(3, 40).Select(i => $"e-{i}").ToList();
        var written = repository.Commit("main", "operator writes state", [
            .. ids.Select(id => (TreeChange)($"nodes/entry/{id}.yaml", Network.Entry(id, "core-1", $"10.0.3.{ids.IndexOf(id)}:443"))),
            .. ids.Select(id => (TreeChange)($"state/core-1/entries/{id}.yaml", Network.State("up")))]);
        var writtenAt = repository.FindCommit(written)!.CommitterTime;
        for (var i = 0; i < 30; i++) tip = repository.Commit("main", "operator", ("README.md", $"# test network {i}\n"));

        // core-1 changes each on top of the version the apply recorded for it (dated by the commit that wrote it).
        var changes = ids.SelectMany(id =>
        {
            var path = $"state/core-1/entries/{id}.yaml";
            var recorded = GitVersions.Of(RecordJson.Parse(RecordPath.Parse(path), Network.StateJson("up")).Record!.Sha256, null, writtenAt);
            var record = RecordJson.Parse(RecordPath.Parse(path), Network.StateJson("down")).Record!;
            var ours = new RecordVersion(recorded.Vector.Bump("core-1"), "core-1", writtenAt.AddHours(1), record.Sha256);
            return new TreeChange[] { (path, RecordJson.ToYaml(record)), (".sigil/versions/" + path, SidecarFormat.Write(ours, path)) };
        }).ToArray();
        var pushed = Pushed("core-1 reports 40 entries down", changes);
        var before = repository.FilesReads;

        var verdict = Check(pushed, "core-1");

        verdict.Accepted.ShouldBeTrue(string.Join("\n", Messages(verdict)));
        // Each of the 31 commits back to the write is read once for all forty records, not once per record.
        (repository.FilesReads - before).ShouldBeLessThan(80);
    }

    [Test]
    public void A_core_node_s_first_change_to_a_record_left_alone_for_a_long_history_is_no_conflict()
    {
        // An operator writes a state record (no sidecar); then the branch moves on for two thousand commits.
        const string path = "state/core-1/entries/e-1.yaml";
        var written = repository.Commit("main", "operator writes e-1's state", (path, Network.State("up")));
        var writtenAt = repository.FindCommit(written)!.CommitterTime;
        for (var i = 0; i <= 2_000; i++) tip = repository.Commit("main", "operator", ("README.md", $"# test network {i}\n"));

        // core-1 changes it on top of the version the apply recorded in etcd when it was written.
        var recorded = GitVersions.Of(RecordJson.Parse(RecordPath.Parse(path), Network.StateJson("up")).Record!.Sha256, null, writtenAt);
        var record = RecordJson.Parse(RecordPath.Parse(path), Network.StateJson("down")).Record!;
        var ours = new RecordVersion(recorded.Vector.Bump("core-1"), "core-1", writtenAt.AddHours(1), record.Sha256);
        var pushed = Pushed("core-1 reports e-1 down", (path, RecordJson.ToYaml(record)), (".sigil/versions/" + path, SidecarFormat.Write(ours, path)));

        var verdict = Check(pushed, "core-1");

        verdict.Accepted.ShouldBeTrue(string.Join("\n", Messages(verdict)));
    }

    [Test]
    public void An_operator_s_problem_is_no_conflict_and_gets_no_rebase_hint()
    {
        var verdict = Check(Pushed("alice edits the policy", ("sigil.yaml", "roots: [root]\noperators: [alice, bob]\n")), "alice");

        Messages(verdict).ShouldBe(["sigil.yaml: identity alice may not change sigil.yaml: only roots may"]);
        verdict.Hints.ShouldBeEmpty();
    }

    [TestCase("sigil.dryrun")]
    [TestCase("Sigil.Dry-Run")]
    public void An_unknown_sigil_push_option_rejects_the_push(string option)
    {
        var verdict = Check(Pushed("add e-3", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"))), "alice", options: [option, option]);

        Messages(verdict).ShouldBe([$"unknown push option '{option}' (known: sigil.dry-run)"]);
    }

    [Test]
    public void Known_and_foreign_push_options_are_accepted()
    {
        var verdict = Check(Pushed("add e-3", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"))), "alice", options: ["sigil.dry-run", "ci.skip"]);

        verdict.Accepted.ShouldBeTrue(string.Join("\n", Messages(verdict)));
    }

    [Test]
    public void A_push_without_an_identity_is_rejected_naming_the_variable_to_set()
    {
        var verdict = Check(Pushed("add e-3", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"))), null, settings: new SigilSettings(IdentityVariable: "MY_ID"));

        Messages(verdict).ShouldHaveSingleItem().ShouldStartWith("no identity: set MY_ID (or ");
    }

    [Test]
    public void An_identity_that_is_neither_root_operator_nor_core_node_may_not_push()
    {
        var verdict = Check(Pushed("add e-3", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"))), "mallory");

        Messages(verdict).ShouldBe(["identity mallory may not push to main: not a root or operator in sigil.yaml, and not a Core node"]);
    }

    [Test]
    public void A_force_push_is_rejected()
    {
        var rewritten = repository.CommitOn([], "rewritten history", Network.Base);

        var verdict = Check(rewritten, "root");

        Messages(verdict).ShouldHaveSingleItem().ShouldContain($"force push rejected: {tip[..7]} is not an ancestor of {rewritten[..7]}");
    }

    [Test]
    public void Deleting_the_protected_branch_is_rejected()
    {
        var verdict = Check(RefUpdate.ZeroSha, "root");

        Messages(verdict).ShouldBe(["refs/heads/main: deleting the protected branch is not allowed"]);
    }

    [Test]
    public void The_first_push_must_come_from_the_bootstrap_identity_and_bring_a_policy()
    {
        var first = new InMemoryRepository();
        var withoutPolicy = first.CommitOn([], "no policy", ("README.md", "hello\n"));
        var gate = new ReceiveGate(first, new SigilSettings());

        Messages(gate.Check(new ReceivedPush([new RefUpdate(RefUpdate.ZeroSha, withoutPolicy, "refs/heads/main")], "alice", [])))
            .ShouldBe(["identity alice may not make the first push: the first push must come from identity root"]);
        Messages(gate.Check(new ReceivedPush([new RefUpdate(RefUpdate.ZeroSha, withoutPolicy, "refs/heads/main")], "root", [])))
            .ShouldContain("sigil.yaml: the first push must contain sigil.yaml (roots and operators)");
    }

    [Test]
    public void A_commit_with_an_empty_author_name_is_rejected()
    {
        repository.AuthorName = " ";
        var pushed = Pushed("nameless", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")));

        var verdict = Check(pushed, "alice");

        Messages(verdict).ShouldHaveSingleItem().ShouldContain($"commit {pushed[..7]} has an empty author name");
    }

    [Test]
    public void The_receipt_notes_ref_cannot_be_pushed()
    {
        var verdict = Check([new RefUpdate(RefUpdate.ZeroSha, tip, ReceiptNotes.RefName)], "root");

        Messages(verdict).ShouldBe([$"{ReceiptNotes.RefName}: {ReceiptNotes.Refusal}"]);
    }

    [Test]
    public void Other_refs_are_let_through_unchecked_unless_the_settings_deny_them()
    {
        var invalid = Pushed("broken", ("nodes/entry/e-3.yaml", "id: [\n"));
        RefUpdate[] update = [new RefUpdate(RefUpdate.ZeroSha, invalid, "refs/heads/topic")];

        Check(update, "alice").Accepted.ShouldBeTrue();
        Messages(Check(update, "alice", new SigilSettings(OtherRefs: OtherRefsMode.Deny))).ShouldBe(["refs/heads/topic: only refs/heads/main may be pushed to this repository"]);
    }

    [Test]
    public void A_push_while_the_protected_branch_is_missing_is_let_through_with_a_warning_naming_the_branches_there_are()
    {
        var invalid = Pushed("broken", ("nodes/entry/e-3.yaml", "id: [\n"));
        var misspelt = new SigilSettings(Branch: "mian");

        var verdict = Check([new RefUpdate(tip, invalid, "refs/heads/main")], "mallory", misspelt);

        verdict.Accepted.ShouldBeTrue();
        verdict.Notices.ShouldBe(["warning: refs/heads/main is not checked: the protected branch mian (Sigil:Branch) does not exist in this repository; its branches are main; did you mean main?"]);
    }

    [Test]
    public void A_push_to_another_branch_gets_no_warning_while_the_protected_branch_exists()
    {
        var verdict = Check([new RefUpdate(RefUpdate.ZeroSha, tip, "refs/heads/topic"), new RefUpdate(RefUpdate.ZeroSha, tip, "refs/tags/v1")], "alice");

        verdict.Accepted.ShouldBeTrue();
        verdict.Notices.ShouldBeEmpty();
    }

    [Test]
    public void A_push_to_another_branch_of_an_empty_repository_gets_no_warning()
    {
        repository.DeleteBranch("main");

        var verdict = Check([new RefUpdate(RefUpdate.ZeroSha, tip, "refs/heads/topic")], "alice");

        verdict.Accepted.ShouldBeTrue();
        verdict.Notices.ShouldBeEmpty();
    }

    [Test]
    public void A_tag_pushed_while_the_protected_branch_is_missing_gets_no_warning()
    {
        var verdict = Check([new RefUpdate(RefUpdate.ZeroSha, tip, "refs/tags/v1")], "alice", new SigilSettings(Branch: "mian"));

        verdict.Notices.ShouldBeEmpty();
    }

    [Test]
    public void An_invalid_record_is_rejected_at_its_location()
    {
        var verdict = Check(Pushed("bad port", ("nodes/entry/e-3.yaml", "id: e-3\ncore: core-1\naddress: 10.0.0.3:70000\n")), "alice");

        Messages(verdict).ShouldContain("nodes/entry/e-3.yaml:3:10: address port must be 1-65535, got 70000");
    }

    [Test]
    public void A_decision_about_a_kept_loser_is_held_to_the_policy_for_its_record()
    {
        var byOtherNode = Check(Pushed("resolve\n\nSigil-Resolve: keep-winner state/core-1/entries/e-1.yaml 0123456789abcdef\nSigil-Decided-By: core-2"), "core-2");
        var byOwner = Check(Pushed("resolve\n\nSigil-Resolve: keep-winner state/core-1/entries/e-1.yaml 0123456789abcdef\nSigil-Decided-By: core-1"), "core-1");

        byOtherNode.Errors.ShouldContain(e => e.Path == "state/core-1/entries/e-1.yaml" && e.Message.EndsWith("resolves a kept conflict of this record: identity core-2 may only change state/core-2/", StringComparison.Ordinal));
        byOwner.Accepted.ShouldBeTrue(string.Join("\n", Messages(byOwner)));
    }

    [Test]
    public void A_decision_trailer_that_does_not_read_as_one_rejects_the_push()
    {
        var verdict = Check(Pushed("resolve\n\nSigil-Resolve: keep-winner e-1"), "root");

        verdict.Accepted.ShouldBeFalse();
        Messages(verdict).ShouldContain(m => m.Contains("'Sigil-Resolve: keep-winner e-1' is not 'Sigil-Resolve: keep-winner|take-loser <record path> <16 hex digits>'", StringComparison.Ordinal));
    }

    [TestCase("")]
    [TestCase("\nSigil-Decided-By: alice")]
    [TestCase("\nSigil-Decided-By: root\nSigil-Decided-By: root")]
    public void A_decision_names_its_pusher_once_as_who_decided(string decidedBy)
    {
        var verdict = Check(Pushed("resolve\n\nSigil-Resolve: keep-winner nodes/entry/e-1.yaml 0123456789abcdef" + decidedBy), "root");

        verdict.Accepted.ShouldBeFalse();
        Messages(verdict).ShouldContain(m => m.Contains("it must name its pusher once, 'Sigil-Decided-By: root'", StringComparison.Ordinal));
    }
}
