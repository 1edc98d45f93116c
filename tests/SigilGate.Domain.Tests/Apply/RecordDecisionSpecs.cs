using SigilGate.Domain.Apply;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Records;
using SigilGate.Domain.Store;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Tests.Apply;

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

    // A raw write's guessed version counts its writer's change at the data key's mod revision.
    private const long RawRevision = 42;

    private static StoredRecord RawWriteOver(StoredRecord synced, string json) =>
        synced with { Data = new StoredValue(synced.Data?.Key ?? Keys.Data("nodes/entry/e-7"), json, RawRevision, synced.Data?.CreateRevision ?? RawRevision) };

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
        // etcd held exactly Git's version, then a node wrote on top of it.
        var outcome = RecordDecision.Decide(Target(GitJson, Git(100)), RawWriteOver(Synced(GitJson, Git(100)), OtherJson), Keys, Commit, Later);

        outcome.Kind.ShouldBe(OutcomeKind.EtcdNewer);
        outcome.Mutations.ShouldBeEmpty();
    }

    [Test]
    public void A_git_edit_whose_counter_etcd_counted_for_another_edit_of_the_same_second_is_resolved_and_kept_not_dropped()
    {
        // A first same-second edit lost to a node's write; the resolution counted git:100. The second
        // edit of that second also counts git:100, and etcd never held it.
        var resolved = Git(100).Bump("core-1", 3);
        var outcome = RecordDecision.Decide(Target(GitJson, Git(100)), Synced(OtherJson, resolved), Keys, Commit, Later);

        outcome.IsConflict.ShouldBeTrue($"the edit was {outcome.Kind}");
        outcome.KeptAt.ShouldNotBeNull();
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
        written.Vector["etcd"].ShouldBe(RawRevision);
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
        // A node's push carries a version whose node counter covers the guess for the agent's
        // latest raw write ({core-1:42, git:100}: a resolution on the node moved it on), but the
        // push never held that write's content.
        const string State = "state/core-1/entries/e-7.yaml";
        var pushed = Target("{\"status\":\"up\"}", Git(150).Bump("core-1", RawRevision), State) with { BaseSha256 = StoredRecord.Sha256Of("{\"status\":\"degraded\"}") };
        var stored = RawWriteOver(Synced("{\"status\":\"degraded\"}", Git(100), path: State), "{\"status\":\"down\"}");

        var outcome = RecordDecision.Decide(pushed, stored, Keys, Commit, Later);

        outcome.Kind.ShouldBe(OutcomeKind.ConflictEtcdWon);
        outcome.KeptAt.ShouldNotBeNull();
    }

    [Test]
    public void A_git_change_made_on_top_of_the_raw_write_itself_replaces_it()
    {
        const string State = "state/core-1/entries/e-7.yaml";
        var edit = Target("{\"status\":\"up\"}", Git(150).Bump("core-1", RawRevision), State) with { BaseSha256 = StoredRecord.Sha256Of("{\"status\":\"down\"}") };
        var stored = RawWriteOver(Synced("{\"status\":\"degraded\"}", Git(100), path: State), "{\"status\":\"down\"}");

        var outcome = RecordDecision.Decide(edit, stored, Keys, Commit, Later);

        outcome.Kind.ShouldBe(OutcomeKind.Put);
    }

    [Test]
    public void A_git_edit_made_on_top_of_an_earlier_raw_write_does_not_overwrite_a_later_one()
    {
        // The soak's lost write: a node's push mirrored the agent's raw write "up" (at revision 30);
        // before the push was applied the agent wrote "down" (at 42). Git holds "up" until the node
        // pushes again; an operator's edit on top of it has not seen "down", so it must not
        // replace it silently.
        const string State = "state/core-1/entries/e-7.yaml";
        var recorded = Git(100).Bump("core-1", 10);
        var stored = RawWriteOver(Synced("{\"status\":\"degraded\"}", recorded, path: State), "{\"status\":\"down\"}");
        var mirrored = new RecordTarget(RecordPath.Parse(State), "{\"status\":\"up\"}", new RecordVersion(recorded.Bump("core-1", 30), "core-1", CommitTime, StoredRecord.Sha256Of("{\"status\":\"up\"}")), StoredRecord.Sha256Of("{\"status\":\"degraded\"}"));

        var first = RecordDecision.Decide(mirrored, stored, Keys, Commit, Later);
        var second = EditOnTopOf(mirrored, AfterWriting(first, stored, revision: 50));

        first.Kind.ShouldBe(OutcomeKind.EtcdNewer, "the later raw write has seen the earlier one it replaced in etcd");
        second.IsConflict.ShouldBeTrue($"the edit was {second.Kind}");
        second.Mutations.OfType<PutMutation>().Single(m => m.Key == second.KeptAt).Value.ShouldContain(second.Kind == OutcomeKind.ConflictGitWon ? "down" : "unknown");
    }

    [Test]
    public void A_resolution_moves_past_a_loser_that_had_seen_as_much_so_an_edit_on_the_loser_is_still_a_conflict()
    {
        // A node's push whose vector covers the guess for a raw write it never held: etcd's write
        // wins (seen later), Git's is kept, and Git still holds it until the node pushes again.
        const string State = "state/core-1/entries/e-7.yaml";
        var pushed = Target("{\"status\":\"up\"}", Git(150).Bump("core-1", RawRevision), State) with { BaseSha256 = StoredRecord.Sha256Of("{\"status\":\"degraded\"}") };
        var stored = RawWriteOver(Synced("{\"status\":\"degraded\"}", Git(100), path: State), "{\"status\":\"down\"}");

        var first = RecordDecision.Decide(pushed, stored, Keys, Commit, Later);
        var written = VersionJson.TryParse(first.Mutations.OfType<PutMutation>().Single(m => m.Key.Contains("/versions/", StringComparison.Ordinal)).Value)!;
        var second = EditOnTopOf(pushed, AfterWriting(first, stored, revision: 50));

        first.Kind.ShouldBe(OutcomeKind.ConflictEtcdWon);
        written.Vector.CompareTo(pushed.Version.Vector).ShouldBe(Causality.Dominates);
        second.IsConflict.ShouldBeTrue($"the edit was {second.Kind}");
    }

    // An operator's edit in Git a minute later, made on top of what the target left in Git.
    private static RecordOutcome EditOnTopOf(RecordTarget target, StoredRecord stored)
    {
        const string Json = "{\"status\":\"unknown\"}";
        var version = GitVersions.Of(StoredRecord.Sha256Of(Json), new VersionSidecar(target.Path.Path, target.Version), Later.AddMinutes(1));
        return RecordDecision.Decide(new RecordTarget(target.Path, Json, version, target.Version.Sha256), stored, Keys, Commit, Later.AddMinutes(2));
    }

    // etcd after the outcome's writes, all at one revision.
    private static StoredRecord AfterWriting(RecordOutcome outcome, StoredRecord before, long revision)
    {
        if (outcome.Mutations.Count == 0) return before;
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
