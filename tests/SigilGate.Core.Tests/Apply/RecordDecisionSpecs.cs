using SigilGate.Core.Apply;
using SigilGate.Core.Records;
using SigilGate.Core.Store;
using SigilGate.Core.Versioning;

namespace SigilGate.Core.Tests.Apply;

public class RecordDecisionSpecs
{
    private static readonly KeyLayout Keys = new("/sigil");
    private static readonly DateTimeOffset CommitTime = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = CommitTime.AddMinutes(5);
    private const string Commit = "c0ffee0000000000000000000000000000000000";
    private const string Entry = "nodes/entry/e-7.yaml";
    private const string GitJson = "{\"address\":\"10.0.0.7:443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-7\"}";
    private const string OtherJson = "{\"address\":\"10.0.0.8:443\",\"core\":\"core-1\",\"enabled\":false,\"id\":\"e-7\"}";

    private static RecordTarget Target(string? json, VersionVector vector, string path = Entry) =>
        new(RecordPath.Parse(path), json, new RecordVersion(vector, Writers.Git, CommitTime, json is null ? RecordVersion.DeletedSha256 : StoredRecord.Sha256Of(json)));

    private static VersionVector Git(long counter) => VersionVector.Empty.Bump(Writers.Git, counter);

    private static StoredRecord Synced(string? json, VersionVector vector, long revision = 10, string path = Entry)
    {
        var suffix = RecordPath.Parse(path).KeySuffix;
        var version = new RecordVersion(vector, Writers.Git, CommitTime.AddDays(-1), json is null ? RecordVersion.DeletedSha256 : StoredRecord.Sha256Of(json));
        return new StoredRecord(
            json is null ? null : new StoredValue(Keys.Data(suffix), json, revision, revision),
            new StoredValue(Keys.Version(suffix), VersionJson.Write(version), revision, revision));
    }

    private static StoredRecord RawWriteOver(StoredRecord synced, string json) =>
        synced with { Data = new StoredValue(synced.Data?.Key ?? Keys.Data("nodes/entry/e-7"), json, 42, synced.Data?.CreateRevision ?? 42) };

    [Test]
    public void A_new_record_is_put_with_its_version_guarded_on_absent_keys()
    {
        var outcome = RecordDecision.Decide(Target(GitJson, Git(100)), new StoredRecord(null, null), Keys, Commit, Later);

        outcome.Kind.ShouldBe(OutcomeKind.Put);
        outcome.Guards.ShouldBe([new Guard("/sigil/nodes/entry/e-7", 0), new Guard("/sigil/.sigil/versions/nodes/entry/e-7", 0)]);
        outcome.Mutations[0].ShouldBe(new PutMutation("/sigil/nodes/entry/e-7", GitJson));
        outcome.Mutations[1].Key.ShouldBe("/sigil/.sigil/versions/nodes/entry/e-7");
    }

    [Test]
    public void A_change_that_has_seen_what_etcd_holds_replaces_it()
    {
        var outcome = RecordDecision.Decide(Target(GitJson, Git(200)), Synced(OtherJson, Git(100)), Keys, Commit, Later);

        outcome.Kind.ShouldBe(OutcomeKind.Put);
        outcome.Guards.ShouldBe([new Guard("/sigil/nodes/entry/e-7", 10), new Guard("/sigil/.sigil/versions/nodes/entry/e-7", 10)]);
    }

    [Test]
    public void Applying_the_same_version_again_writes_nothing()
    {
        var outcome = RecordDecision.Decide(Target(GitJson, Git(100)), Synced(GitJson, Git(100)), Keys, Commit, Later);

        outcome.Kind.ShouldBe(OutcomeKind.Unchanged);
        outcome.Mutations.ShouldBeEmpty();
    }

    [Test]
    public void A_second_git_edit_in_the_same_second_replaces_the_first()
    {
        var outcome = RecordDecision.Decide(Target(GitJson, Git(100)), Synced(OtherJson, Git(100)), Keys, Commit, Later);

        outcome.Kind.ShouldBe(OutcomeKind.Put);
        outcome.Mutations[0].ShouldBe(new PutMutation("/sigil/nodes/entry/e-7", GitJson));
    }

    [Test]
    public void A_change_on_top_of_what_etcd_holds_moves_past_the_version_etcd_recorded_for_it()
    {
        // etcd recorded a later counter than the tree alone gives (an earlier same-second edit moved it on).
        var target = Target(GitJson, Git(100)) with { BaseSha256 = StoredRecord.Sha256Of(OtherJson) };

        var outcome = RecordDecision.Decide(target, Synced(OtherJson, Git(150)), Keys, Commit, Later);

        outcome.Kind.ShouldBe(OutcomeKind.Put);
        VersionJson.TryParse(((PutMutation)outcome.Mutations[1]).Value)!.Vector["git"].ShouldBe(151);
    }

    [Test]
    public void A_version_etcd_has_already_seen_is_not_written_back()
    {
        var nodeWroteLater = Git(100).Bump("core-1");
        var outcome = RecordDecision.Decide(Target(GitJson, Git(100)), Synced(OtherJson, nodeWroteLater), Keys, Commit, Later);

        outcome.Kind.ShouldBe(OutcomeKind.EtcdNewer);
        outcome.Mutations.ShouldBeEmpty();
    }

    [Test]
    public void A_value_changed_in_etcd_behind_gits_back_is_a_conflict_and_the_loser_is_kept()
    {
        var stored = RawWriteOver(Synced(OtherJson, Git(100)), "{\"hand\":\"edit\"}");
        var outcome = RecordDecision.Decide(Target(GitJson, Git(200)), stored, Keys, Commit, Later);

        // The raw write is only known from when it was seen (later than the commit): etcd wins, Git's version is kept.
        outcome.Kind.ShouldBe(OutcomeKind.ConflictEtcdWon);
        outcome.EtcdVersion!.Writer.ShouldBe("etcd");
        outcome.KeptAt.ShouldStartWith("/sigil/.sigil/conflicts/nodes/entry/e-7/");
        outcome.Mutations.OfType<PutMutation>().Single(m => m.Key == "/sigil/nodes/entry/e-7").Value.ShouldBe("{\"hand\":\"edit\"}");
        var kept = outcome.Mutations.OfType<PutMutation>().Single(m => m.Key == outcome.KeptAt);
        using var document = System.Text.Json.JsonDocument.Parse(kept.Value);
        document.RootElement.GetProperty("value").GetString().ShouldBe(GitJson);
        document.RootElement.GetProperty("source").GetString().ShouldBe("git commit " + Commit);
    }

    [Test]
    public void A_git_change_later_than_the_etcd_change_wins_and_etcds_value_is_kept()
    {
        var stored = RawWriteOver(Synced(OtherJson, Git(100)), "{\"hand\":\"edit\"}");
        var seenBeforeTheCommit = CommitTime.AddMinutes(-1);
        var outcome = RecordDecision.Decide(Target(GitJson, Git(200)), stored, Keys, Commit, seenBeforeTheCommit);

        outcome.Kind.ShouldBe(OutcomeKind.ConflictGitWon);
        outcome.Mutations.OfType<PutMutation>().Single(m => m.Key == "/sigil/nodes/entry/e-7").Value.ShouldBe(GitJson);
        outcome.Mutations.OfType<PutMutation>().Single(m => m.Key == outcome.KeptAt).Value.ShouldContain("hand");
    }

    [Test]
    public void The_resolved_version_has_seen_both_sides()
    {
        var stored = RawWriteOver(Synced(OtherJson, Git(100)), "{\"hand\":\"edit\"}");
        var outcome = RecordDecision.Decide(Target(GitJson, Git(200)), stored, Keys, Commit, Later);
        var written = VersionJson.TryParse(outcome.Mutations.OfType<PutMutation>().Single(m => m.Key.Contains("/versions/", StringComparison.Ordinal)).Value)!;

        written.Vector.Covers(Git(200)).ShouldBeTrue();
        written.Vector["etcd"].ShouldBe(1);
    }

    [Test]
    public void A_raw_write_in_a_core_nodes_area_is_attributed_to_that_node()
    {
        const string State = "state/core-1/entries/e-7.yaml";
        var stored = RawWriteOver(Synced("{\"status\":\"up\"}", Git(100), path: State), "{\"status\":\"down\"}");
        var outcome = RecordDecision.Decide(Target("{\"status\":\"degraded\"}", Git(200), State), stored, Keys, Commit, Later);

        outcome.EtcdVersion!.Writer.ShouldBe("core-1");
    }

    [Test]
    public void A_node_version_covering_the_guess_for_a_raw_write_git_never_held_does_not_overwrite_it()
    {
        // A node's push read an earlier raw write (guessed {core-1:1, git:100}) and resolved it
        // against a newer Git version; meanwhile the agent wrote again (guessed the same).
        const string State = "state/core-1/entries/e-7.yaml";
        var pushed = Target("{\"status\":\"up\"}", Git(150).Bump("core-1"), State) with { BaseSha256 = StoredRecord.Sha256Of("{\"status\":\"degraded\"}") };
        var stored = RawWriteOver(Synced("{\"status\":\"degraded\"}", Git(100), path: State), "{\"status\":\"down\"}");

        var outcome = RecordDecision.Decide(pushed, stored, Keys, Commit, Later);

        outcome.Kind.ShouldBe(OutcomeKind.ConflictEtcdWon);
        outcome.KeptAt.ShouldNotBeNull();
    }

    [Test]
    public void A_git_change_made_on_top_of_the_raw_write_itself_replaces_it()
    {
        const string State = "state/core-1/entries/e-7.yaml";
        var edit = Target("{\"status\":\"up\"}", Git(150).Bump("core-1"), State) with { BaseSha256 = StoredRecord.Sha256Of("{\"status\":\"down\"}") };
        var stored = RawWriteOver(Synced("{\"status\":\"degraded\"}", Git(100), path: State), "{\"status\":\"down\"}");

        var outcome = RecordDecision.Decide(edit, stored, Keys, Commit, Later);

        outcome.Kind.ShouldBe(OutcomeKind.Put);
    }

    [Test]
    public void A_git_edit_made_on_top_of_a_version_that_lost_in_etcd_does_not_overwrite_the_winner()
    {
        // The soak's lost write: a node's push mirrored the agent's raw write "up"; before the push
        // was applied the agent wrote "down" (guessed the same vector). The apply kept "down" (seen
        // later) and kept "up" as the loser, but Git still holds "up". An operator's edit on top of
        // Git's "up" has not seen "down", so it must not replace it silently.
        const string State = "state/core-1/entries/e-7.yaml";
        var recorded = Git(100).Bump("core-1");
        var stored = RawWriteOver(Synced("{\"status\":\"degraded\"}", recorded, path: State), "{\"status\":\"down\"}");
        var mirrored = new RecordTarget(RecordPath.Parse(State), "{\"status\":\"up\"}", new RecordVersion(recorded.Bump("core-1"), "core-1", CommitTime, StoredRecord.Sha256Of("{\"status\":\"up\"}")), StoredRecord.Sha256Of("{\"status\":\"degraded\"}"));
        var first = RecordDecision.Decide(mirrored, stored, Keys, Commit, Later);
        first.Kind.ShouldBe(OutcomeKind.ConflictEtcdWon);

        var afterFirst = AfterWriting(first, stored, revision: 50);
        var sidecar = new VersionSidecar(State, mirrored.Version);
        var edit = new RecordTarget(RecordPath.Parse(State), "{\"status\":\"unknown\"}", GitVersions.Of(StoredRecord.Sha256Of("{\"status\":\"unknown\"}"), sidecar, Later.AddMinutes(1)), mirrored.Version.Sha256);
        var second = RecordDecision.Decide(edit, afterFirst, Keys, Commit, Later.AddMinutes(2));

        second.IsConflict.ShouldBeTrue($"the edit was {second.Kind}");
        second.KeptAt.ShouldNotBeNull();
        var kept = second.Mutations.OfType<PutMutation>().Single(m => m.Key == second.KeptAt);
        kept.Value.ShouldContain(second.Kind == OutcomeKind.ConflictGitWon ? "down" : "unknown");
    }

    [Test]
    public void A_resolved_version_has_seen_more_than_the_loser_even_when_the_loser_had_seen_as_much()
    {
        const string State = "state/core-1/entries/e-7.yaml";
        var recorded = Git(100).Bump("core-1");
        var stored = RawWriteOver(Synced("{\"status\":\"degraded\"}", recorded, path: State), "{\"status\":\"down\"}");
        var mirrored = new RecordTarget(RecordPath.Parse(State), "{\"status\":\"up\"}", new RecordVersion(recorded.Bump("core-1"), "core-1", CommitTime, StoredRecord.Sha256Of("{\"status\":\"up\"}")));

        var outcome = RecordDecision.Decide(mirrored, stored, Keys, Commit, Later);
        var written = VersionJson.TryParse(outcome.Mutations.OfType<PutMutation>().Single(m => m.Key.Contains("/versions/", StringComparison.Ordinal)).Value)!;

        written.Vector.CompareTo(mirrored.Version.Vector).ShouldBe(Causality.Dominates);
        written.Vector.CompareTo(outcome.EtcdVersion!.Vector).ShouldBe(Causality.Dominates);
    }

    private static StoredRecord AfterWriting(RecordOutcome outcome, StoredRecord before, long revision)
    {
        var data = outcome.Mutations.Single(m => m.Key == before.Data!.Key);
        var meta = (PutMutation)outcome.Mutations.Single(m => m.Key == before.Meta!.Key);
        return new StoredRecord(
            data is PutMutation put ? new StoredValue(put.Key, put.Value, revision, before.Data!.CreateRevision) : null,
            new StoredValue(meta.Key, meta.Value, revision, before.Meta!.CreateRevision));
    }

    [Test]
    public void A_raw_write_of_the_same_content_only_updates_the_version()
    {
        var stored = RawWriteOver(Synced(OtherJson, Git(100)), GitJson);
        var outcome = RecordDecision.Decide(Target(GitJson, Git(200)), stored, Keys, Commit, Later);

        outcome.Kind.ShouldBe(OutcomeKind.VersionOnly);
        outcome.Mutations.OfType<PutMutation>().First().Value.ShouldBe(GitJson);
    }

    [Test]
    public void Deleting_a_record_deletes_exactly_its_key_and_keeps_a_tombstone_version()
    {
        var outcome = RecordDecision.Decide(Target(null, Git(200)), Synced(GitJson, Git(100)), Keys, Commit, Later);

        outcome.Kind.ShouldBe(OutcomeKind.Deleted);
        outcome.Mutations[0].ShouldBe(new DeleteMutation("/sigil/nodes/entry/e-7"));
        VersionJson.TryParse(((PutMutation)outcome.Mutations[1]).Value)!.IsDeletion.ShouldBeTrue();
    }

    [Test]
    public void Deleting_what_etcd_never_had_writes_nothing() =>
        RecordDecision.Decide(Target(null, Git(200)), new StoredRecord(null, null), Keys, Commit, Later).Kind.ShouldBe(OutcomeKind.Unchanged);
}
