using SigilGate.Domain.Gate;
using SigilGate.Domain.Mirror;
using SigilGate.Domain.Records;
using SigilGate.Domain.Store;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Apply;
using SigilGate.Workflows.Mirror;

namespace SigilGate.Workflows.Tests.Mirror;

/// <summary>core-1's mirror of its etcd area into main, through an in-memory clone of an in-memory remote.</summary>
public class NodeMirrorSpecs
{
    private const string StateKey = "/sigil/state/core-1/entries/e-1";
    private const string StatePath = "state/core-1/entries/e-1.yaml";
    private static readonly KeyLayout Keys = SyncedNetwork.Keys;
    private InMemoryRepository remote = null!;
    private InMemoryKeyValueStore store = null!;
    private InMemoryClone clone = null!;
    private InMemoryMirrorJournal journal = null!;
    private List<string> said = null!;

    [SetUp]
    public async Task AppliedBaseAndASettledFirstRun()
    {
        var network = await SyncedNetwork.CreateAsync();
        (remote, store) = (network.Repository, network.Store);
        clone = new InMemoryClone(remote, "main");
        journal = new InMemoryMirrorJournal();
        said = [];
        (await Mirror().RunAsync()).Result.ShouldBe(MirrorResult.NothingToPush);
    }

    // Pauses of zero by default; a budget only a clock whose waits pass (FixedClock.WaitsPass) can spend.
    private NodeMirror Mirror(FixedClock? clock = null, TimeSpan backoff = default, TimeSpan? maxBackoff = null, TimeSpan? retryFor = null) =>
        new("core-1", store, clone, journal, Keys, clock ?? new FixedClock(), said.Add)
        {
            Backoff = backoff,
            MaxBackoff = maxBackoff ?? TimeSpan.FromSeconds(8),
            RetryFor = retryFor ?? TimeSpan.FromSeconds(50),
            Random = new Random(17),
        };

    // What git prints when another push took the branch's ref lock while ours was being received.
    private static string LostRace => "!\trefs/heads/main:refs/heads/main\t[remote rejected] (failed to update ref)\n";

    // Decides and reports only: see NodeMirror.DryRun.
    private NodeMirror DryRunMirror() => new("core-1", store, clone, journal, Keys, new FixedClock(), said.Add) { DryRun = true };

    private string? RemoteText(string path) => remote.TextsAt(remote.BranchTip("main")!).GetValueOrDefault(path);

    [Test]
    public async Task A_raw_etcd_write_is_committed_and_pushed_with_the_node_s_version()
    {
        var written = store.Put(StateKey, Network.StateJson("down", "2026-11-23T11:00:00Z"));

        var report = await Mirror().RunAsync();

        report.Result.ShouldBe(MirrorResult.Pushed);
        report.Pushed.Select(o => o.Path.Path).ShouldBe([StatePath]);
        RemoteText(StatePath).ShouldBe(Network.State("down", "2026-11-23T11:00:00Z"));
        RemoteText(".sigil/versions/" + StatePath).ShouldNotBeNull().ShouldContain($"core-1: {written}");
        var message = clone.CommitMessages.ShouldHaveSingleItem();
        message.ShouldContain(StatePath);
        message.ShouldContain($"{MirrorCommitMessage.NodeTrailer}: core-1");
        store.Snapshot().Single(v => v.Key == Keys.Version("state/core-1/entries/e-1")).Value.ShouldContain($"\"core-1\":{written}");
        journal.State.Revision.ShouldBe(report.Revision);
    }

    [Test]
    public async Task An_idle_run_reads_etcd_only_and_makes_no_commit()
    {
        var syncs = clone.Syncs;
        var commits = remote.Commits.Count;

        var report = await Mirror().RunAsync();

        report.Result.ShouldBe(MirrorResult.Idle);
        clone.Syncs.ShouldBe(syncs);
        clone.Pushes.ShouldBe(0);
        remote.Commits.Count.ShouldBe(commits);
    }

    [Test]
    public async Task A_push_that_lost_the_race_is_rebased_onto_the_rival_and_pushed_again()
    {
        store.Put(StateKey, Network.StateJson("down"));
        string? rival = null;
        clone.BeforeNextPush(r => rival = r.Commit("main", "alice disables e-2", ("nodes/entry/e-2.yaml", Network.Entry("e-2", "core-2", "10.0.0.2:443", enabled: false))));

        var report = await Mirror().RunAsync();

        report.Result.ShouldBe(MirrorResult.Pushed);
        report.Attempts.ShouldBe(2);
        clone.Rebases.ShouldBe(1);
        clone.Pushes.ShouldBe(2);
        remote.FindCommit(remote.BranchTip("main")!)!.FirstParent.ShouldBe(rival);
        RemoteText(StatePath).ShouldBe(Network.State("down"));
        RemoteText("nodes/entry/e-2.yaml").ShouldBe(Network.Entry("e-2", "core-2", "10.0.0.2:443", enabled: false));
        said.ShouldContain("push rejected by the remote:");
    }

    [Test]
    public async Task A_push_the_gate_rejects_as_stale_is_rebased_and_pushed_again()
    {
        store.Put(StateKey, Network.StateJson("down"));
        clone.RejectNextPush($"remote: sigil: error: {StatePath}: conflict: ...\nremote: sigil: {RebaseHint.Text}\n");

        var report = await Mirror().RunAsync();

        report.Result.ShouldBe(MirrorResult.Pushed);
        clone.Rebases.ShouldBe(1);
        clone.Pushes.ShouldBe(2);
        RemoteText(StatePath).ShouldBe(Network.State("down"));
    }

    [Test]
    public async Task A_rebase_stopped_by_a_conflict_makes_the_run_decide_again_on_the_new_tip()
    {
        store.Put(StateKey, Network.StateJson("down"));
        clone.BeforeNextPush(r => r.Commit("main", "alice marks e-1 degraded", (StatePath, Network.State("degraded"))));

        var report = await Mirror().RunAsync();

        report.Attempts.ShouldBe(2);
        clone.Syncs.ShouldBe(3);
        report.Result.ShouldBe(MirrorResult.Pushed);
        said.ShouldContain(s => s.StartsWith("push rejected (attempt 1, 0.0 s of the 50.0 s retry budget used); rebasing onto the new tip and pushing again in ", StringComparison.Ordinal));
        said.ShouldContain("the new tip changed the node's own files; deciding again on it");
    }

    [Test]
    public async Task A_refused_push_is_given_up_at_once_with_the_server_s_words_and_tried_again_next_run()
    {
        store.Put(StateKey, Network.StateJson("down"));
        var before = journal.State;
        var tip = remote.BranchTip("main");
        clone.RefuseNextPush("remote: DENIED by fallthru\n");

        var report = await Mirror().RunAsync();

        report.Result.ShouldBe(MirrorResult.Refused);
        report.RemoteMessages.ShouldBe("remote: DENIED by fallthru\n");
        clone.Pushes.ShouldBe(1);
        clone.Rebases.ShouldBe(0);
        remote.BranchTip("main").ShouldBe(tip);
        journal.State.ShouldBe(before);
        (await Mirror().RunAsync()).Result.ShouldBe(MirrorResult.Pushed);
    }

    [Test]
    public async Task A_run_that_keeps_losing_the_race_gives_up_only_when_its_retry_budget_is_spent()
    {
        store.Put(StateKey, Network.StateJson("down"));
        for (var i = 0; i < 1000; i++) clone.RejectNextPush(LostRace);
        var clock = new FixedClock { WaitsPass = true };

        var report = await Mirror(clock, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(30)).RunAsync();

        report.Result.ShouldBe(MirrorResult.GaveUp);
        (clock.Now - FixedClock.Noon).ShouldBe(TimeSpan.FromSeconds(30));
        clock.Waits.Sum(w => w.Ticks).ShouldBe(TimeSpan.FromSeconds(30).Ticks);
        report.Attempts.ShouldBe(clock.Waits.Count + 1);
        report.Attempts.ShouldBeGreaterThan(10);
        clone.Pushes.ShouldBe(report.Attempts);
        RemoteText(StatePath).ShouldBe(Network.State("up"));
        said[^1].ShouldBe($"push rejected (attempt {report.Attempts}); the 30.0 s retry budget is spent (30.0 s)");
    }

    /// <summary>A raw write, then a run whose first <paramref name="rejections"/> pushes are rejected with <paramref name="messages"/>; the run pushes. Returns its report and its syncs (one per decision round).</summary>
    private async Task<(MirrorReport Report, int Syncs)> PushedAfterRejectionsAsync(int rejections, string messages)
    {
        store.Put(StateKey, Network.StateJson("down"));
        for (var i = 0; i < rejections; i++) clone.RejectNextPush(messages);
        var before = clone.Syncs;

        var report = await Mirror().RunAsync();

        report.Result.ShouldBe(MirrorResult.Pushed);
        return (report, clone.Syncs - before);
    }

    [Test]
    public async Task A_lost_race_is_retried_by_a_rebase_and_the_same_commit_without_syncing_or_deciding_again()
    {
        var (report, syncs) = await PushedAfterRejectionsAsync(3, LostRace);

        report.Attempts.ShouldBe(4);
        clone.Rebases.ShouldBe(3);
        syncs.ShouldBe(1);
        clone.CommitMessages.Count.ShouldBe(1);
        RemoteText(StatePath).ShouldBe(Network.State("down"));
    }

    [Test]
    public async Task A_version_the_gate_rejects_again_after_a_rebase_is_decided_again()
    {
        var (report, syncs) = await PushedAfterRejectionsAsync(2, $"remote: sigil: error: {StatePath}: conflict: ...\nremote: sigil: {RebaseHint.Text}\n");

        report.Attempts.ShouldBe(3);
        clone.Rebases.ShouldBe(1);
        syncs.ShouldBe(2);
        clone.CommitMessages.Count.ShouldBe(2);
        said.ShouldContain(s => s.StartsWith("push rejected (attempt 2, ", StringComparison.Ordinal) && s.Contains("; deciding again on the new tip in ", StringComparison.Ordinal));
    }

    [Test]
    public async Task A_refusal_after_lost_races_is_given_up_at_once_with_the_budget_left()
    {
        store.Put(StateKey, Network.StateJson("down"));
        for (var i = 0; i < 2; i++) clone.RejectNextPush(LostRace);
        clone.RefuseNextPush("remote: DENIED by fallthru\n");
        var clock = new FixedClock { WaitsPass = true };

        var report = await Mirror(clock, TimeSpan.FromSeconds(1)).RunAsync();

        report.Result.ShouldBe(MirrorResult.Refused);
        report.Attempts.ShouldBe(3);
        clone.Pushes.ShouldBe(3);
        clock.Waits.Count.ShouldBe(2);
        (clock.Now - FixedClock.Noon).ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    [Test]
    public async Task A_deletion_in_etcd_removes_the_record_from_git()
    {
        store.Delete(StateKey);

        var report = await Mirror().RunAsync();

        report.Result.ShouldBe(MirrorResult.Pushed);
        RemoteText(StatePath).ShouldBeNull();
    }

    [Test]
    public async Task A_state_record_for_another_core_s_entry_is_reported_not_pushed_and_looked_at_again_next_run()
    {
        store.Put("/sigil/state/core-1/entries/e-2", Network.StateJson("down"));

        var report = await Mirror().RunAsync();

        report.Result.ShouldBe(MirrorResult.NothingToPush);
        report.Problems.ShouldNotBeEmpty();
        report.Problems.ShouldAllBe(p => p.Path == "state/core-1/entries/e-2.yaml");
        RemoteText("state/core-1/entries/e-2.yaml").ShouldBeNull();
        journal.State.Unsettled.ShouldBe(["/sigil/state/core-1/entries/e-2"]);
        (await Mirror().RunAsync()).Problems.ShouldNotBeEmpty();
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task A_node_without_a_node_file_at_the_tip_is_an_error_even_on_a_run_that_would_be_idle(bool dryRun)
    {
        var fresh = new InMemoryMirrorJournal();
        var mirror = new NodeMirror("core-9", store, clone, fresh, Keys, new FixedClock(), said.Add) { DryRun = dryRun };

        var error = await Should.ThrowAsync<NotACoreNodeException>(() => mirror.RunAsync());

        error.Message.ShouldBe($"core-9 is not a Core node of the network: there is no nodes/core/core-9.yaml at the tip of the clone ({remote.BranchTip("main")![..7]}); check --node, or add the node's file first");
        fresh.Saves.ShouldBe(0);
        clone.Pushes.ShouldBe(0);
    }

    [Test]
    public async Task An_idle_run_after_the_first_reads_no_repository()
    {
        (await Mirror().RunAsync()).Result.ShouldBe(MirrorResult.Idle);
        var opened = clone.Opens;

        (await Mirror().RunAsync()).Result.ShouldBe(MirrorResult.Idle);

        opened.ShouldBeGreaterThan(0);
        clone.Opens.ShouldBe(opened);
    }

    [Test]
    public async Task A_run_with_work_stops_when_the_node_file_was_deleted_since_its_last_run()
    {
        (await Mirror().RunAsync()).Result.ShouldBe(MirrorResult.Idle);
        remote.Commit("main", "retire core-1", ("nodes/core/core-1.yaml", null));
        store.Put("/sigil/state/core-1/entries/e-1", Network.StateJson("down"));

        await Should.ThrowAsync<NotACoreNodeException>(() => Mirror().RunAsync());

        clone.Pushes.ShouldBe(0);
    }

    [Test]
    public async Task A_node_added_after_the_clone_was_last_synced_is_found_at_the_remote_tip()
    {
        var added = remote.Commit("main", "add core-9", ("nodes/core/core-9.yaml", "id: core-9\naddress: 10.0.1.9:7000\nregion: eu\n"));
        var mirror = new NodeMirror("core-9", store, clone, new InMemoryMirrorJournal(), Keys, new FixedClock(), said.Add);

        (await mirror.RunAsync()).Result.ShouldBe(MirrorResult.Idle);
        clone.Head().ShouldBe(added);
    }

    [TestCase("/sigil/state/core-1/x")]
    [TestCase("/sigil/state/core-1/entries/e-2")]
    public async Task A_bad_value_is_reported_while_it_is_there_and_not_once_it_is_deleted(string key)
    {
        store.Put(key, "{}");
        (await Mirror().RunAsync()).Problems.ShouldNotBeEmpty();
        store.Delete(key);

        var report = await Mirror().RunAsync();

        report.Problems.ShouldBeEmpty();
        journal.State.Unsettled.ShouldBeEmpty();
        (await Mirror().RunAsync()).Result.ShouldBe(MirrorResult.Idle);
    }

    [Test]
    public async Task Each_pause_after_a_lost_race_is_drawn_between_zero_and_a_ceiling_that_doubles_up_to_a_cap()
    {
        store.Put(StateKey, Network.StateJson("down"));
        for (var i = 0; i < 12; i++) clone.RejectNextPush(LostRace);
        var clock = new FixedClock { WaitsPass = true };

        var report = await Mirror(clock, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(90)).RunAsync();

        report.Result.ShouldBe(MirrorResult.Pushed);
        report.Attempts.ShouldBe(13);
        var waits = clock.Waits.Select(w => w.TotalSeconds).ToList();
        waits.Count.ShouldBe(12);
        for (var i = 0; i < waits.Count; i++) waits[i].ShouldBeInRange(0, Math.Min(4, Math.Pow(2, i)));
        waits.Distinct().Count().ShouldBe(waits.Count);
        waits.Skip(2).ShouldContain(w => w < 2);
    }

    [Test]
    public async Task A_conflict_s_loser_kept_in_etcd_is_copied_into_git_once()
    {
        // The node writes e-1's state in etcd while an operator changes it in Git: the apply keeps the loser.
        store.Put(StateKey, Network.StateJson("down", "2026-11-23T11:00:00Z"));
        var tip = remote.Commit("main", "alice marks e-1 degraded", (StatePath, Network.State("degraded")));
        var applied = (await new Applier(remote, store, Keys, StoreLimits.Default, new FixedClock()).ApplyAsync(tip, remote)).Single();
        var keptAt = applied.Conflicts.ShouldHaveSingleItem().KeptAt!;

        var report = await Mirror().RunAsync();

        report.Result.ShouldBe(MirrorResult.Pushed);
        var copy = report.Outcomes.Single(o => o.Kind == MirrorOutcomeKind.KeptLoser).Path.Path;
        copy.ShouldBe(".sigil/conflicts/" + keptAt[Keys.ConflictsRoot.Length..] + ".json");
        RemoteText(copy).ShouldBe(store.Snapshot().Single(v => v.Key == keptAt).Value + "\n");
        (await Mirror().RunAsync()).Outcomes.ShouldNotContain(o => o.Kind == MirrorOutcomeKind.KeptLoser);
    }

    [TestCase(0, TestName = "An operator's edit in the same second as the one the node wrote on is not taken for seen")]
    [TestCase(-3600, TestName = "An operator's back-dated edit after the one the node wrote on is not taken for seen")]
    public async Task An_operator_edit_after_the_one_the_node_wrote_on_is_not_taken_for_seen(int secondsAfterTheFirst)
    {
        // The node's own version is in Git and etcd; then an operator edits the record twice (A, then
        // B), B committed in the same second as A or dated before it. Only A is applied when the
        // node's agent writes on top of it: the commit times alone cannot tell that B came after A.
        store.Put(StateKey, Network.StateJson("down", "2026-11-23T11:00:00Z"));
        (await Mirror().RunAsync()).Result.ShouldBe(MirrorResult.Pushed);
        await ApplyTipAsync();
        var second = remote.NextTime.AddMinutes(5);
        remote.NextTime = second;
        remote.Commit("main", "alice marks e-1 degraded", (StatePath, Network.State("degraded", "2026-11-23T12:00:00Z")));
        await ApplyTipAsync();
        store.Put(StateKey, Network.StateJson("down", "2026-11-23T12:30:00Z"));
        remote.NextTime = second.AddSeconds(secondsAfterTheFirst);
        remote.Commit("main", "alice marks e-1 unknown", (StatePath, Network.State("unknown", "2026-11-23T12:00:01Z")));

        var report = await Mirror().RunAsync();
        await ApplyTipAsync();

        var everything = string.Join("\n", remote.TextsAt(remote.BranchTip("main")!).Values.Concat(store.Snapshot().Select(v => v.Value)));
        everything.ShouldContain("2026-11-23T12:00:01Z", customMessage: "the operator's second edit is gone from Git and etcd");
        everything.ShouldContain("2026-11-23T12:30:00Z", customMessage: "the agent's write is gone from Git and etcd");

        // The agent's write never saw B: the two are concurrent, one wins and the other is kept.
        report.Pushed.ShouldContain(o => o.Path.Path == StatePath && o.Loser != null);
    }

    [TestCase(TestName = "An operator's revert of a revert that brings back the node's record and sidecar is not dropped")]
    public async Task A_revert_of_a_revert_bringing_back_the_node_s_record_is_not_dropped()
    {
        // The node mirrors e-1 (C1, with its sidecar); an operator reverts C1 (the sidecar goes); the
        // agent writes on top of what was applied; the operator reverts the revert, which brings back
        // C1's record with C1's sidecar. That sidecar's version is older than what etcd holds, but the
        // change is the operator's, made now: it is concurrent with the agent's write, not seen by it.
        var sidecarPath = RecordPath.Parse(StatePath).SidecarPath;
        var before = remote.TextsAt(remote.BranchTip("main")!);
        store.Put(StateKey, Network.StateJson("down", "2026-11-23T11:00:00Z"));
        (await Mirror().RunAsync()).Result.ShouldBe(MirrorResult.Pushed);
        await ApplyTipAsync();
        var mirrored = remote.TextsAt(remote.BranchTip("main")!);
        remote.Commit("main", "Revert \"mirror\"", [(StatePath, before[StatePath]), (sidecarPath, before.GetValueOrDefault(sidecarPath))]);
        await ApplyTipAsync();
        store.Put(StateKey, Network.StateJson("degraded", "2026-11-23T12:30:00Z"));
        remote.Commit("main", "Revert \"Revert \"mirror\"\"", [(StatePath, mirrored[StatePath]), (sidecarPath, mirrored[sidecarPath])]);
        await ApplyTipAsync();

        await Mirror().RunAsync();
        await ApplyTipAsync();

        var git = remote.TextsAt(remote.BranchTip("main")!).Values;
        var etcd = store.Snapshot().Select(v => v.Value);
        string.Join("\n", git.Concat(etcd)).ShouldContain("2026-11-23T11:00:00Z", customMessage: "the operator's revert of the revert is gone from Git and etcd");
        string.Join("\n", git.Concat(etcd)).ShouldContain("2026-11-23T12:30:00Z", customMessage: "the agent's write is gone from Git and etcd");
    }

    private async Task ApplyTipAsync() => await new Applier(remote, store, Keys, StoreLimits.Default, new FixedClock()).ApplyAsync(remote.BranchTip("main")!, remote);

    [Test]
    public async Task A_dry_run_reports_the_record_and_the_commit_message_and_changes_nothing()
    {
        store.Put(StateKey, Network.StateJson("down", "2026-11-23T11:00:00Z"));
        var (syncs, saves, tip, etcd) = (clone.Syncs, journal.Saves, remote.BranchTip("main"), store.Snapshot());

        var report = await DryRunMirror().RunAsync();

        report.Result.ShouldBe(MirrorResult.WouldPush);
        report.Pushed.Select(o => (o.Path.Path, MirrorChanges.Of(o))).ShouldBe([(StatePath, MirrorChange.Updated)]);
        report.CommitMessage.ShouldNotBeNull().ShouldContain($"- {StatePath}: updated");
        report.Commit.ShouldBeNull();
        (clone.Syncs, clone.Pushes, clone.CommitMessages.Count, journal.Saves).ShouldBe((syncs, 0, 0, saves));
        remote.BranchTip("main").ShouldBe(tip);
        store.Snapshot().ShouldBe(etcd);
    }

    [Test]
    public async Task After_a_dry_run_the_real_run_still_finds_and_pushes_the_change()
    {
        store.Put(StateKey, Network.StateJson("down"));
        await DryRunMirror().RunAsync();

        var report = await Mirror().RunAsync();

        report.Result.ShouldBe(MirrorResult.Pushed);
        report.Commit.ShouldBe(remote.BranchTip("main"));
        report.Pushed.Select(o => o.Path.Path).ShouldBe([StatePath]);
    }

    [Test]
    public async Task A_record_git_did_not_hold_is_created()
    {
        remote.Commit("main", "alice adds e-3", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")));
        store.Put("/sigil/state/core-1/entries/e-3", Network.StateJson("up"));

        var report = await Mirror().RunAsync();

        report.Result.ShouldBe(MirrorResult.Pushed);
        report.Pushed.Select(o => (o.Path.Path, MirrorChanges.Of(o))).ShouldBe([("state/core-1/entries/e-3.yaml", MirrorChange.Created)]);
        clone.CommitMessages.ShouldHaveSingleItem().ShouldContain("- state/core-1/entries/e-3.yaml: created");
    }

    [Test]
    public async Task A_record_deleted_in_etcd_is_deleted()
    {
        store.Delete(StateKey);

        var report = await Mirror().RunAsync();

        report.Pushed.Select(o => (o.Path.Path, MirrorChanges.Of(o))).ShouldBe([(StatePath, MirrorChange.Deleted)]);
        clone.CommitMessages.ShouldHaveSingleItem().ShouldContain($"- {StatePath}: deleted");
    }
}
