using SigilGate.Domain.Apply;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Mirror;
using SigilGate.Domain.Records;
using SigilGate.Domain.Store;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Tests.Mirror;

public class MirrorDecisionSpecs
{
    private static readonly KeyLayout Keys = new("/sigil");
    private static readonly RecordPath Path = RecordPath.Parse("state/core-1/entries/e-1.yaml");
    private static readonly DateTimeOffset Then = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Then.AddMinutes(10);
    private const string Up = "{\"grpc_path\":\"/g\",\"last_seen\":\"2026-11-23T10:00:00Z\",\"status\":\"up\"}";
    private const string Down = "{\"grpc_path\":\"/g\",\"last_seen\":\"2026-11-23T10:05:00Z\",\"status\":\"down\"}";

    private static IReadOnlyList<Diagnostic> NoProblems(Record record) => [];

    private static Record Parse(string json) => RecordJson.Parse(Path, json).Record!;

    private static VersionVector V(params (string Writer, long Counter)[] counters) =>
        VersionVector.From(counters.Select(c => new KeyValuePair<string, long>(c.Writer, c.Counter)));

    private static RecordVersion Version(string json, VersionVector vector, string writer = "git", DateTimeOffset? time = null) =>
        new(vector, writer, time ?? Then, Parse(json).Sha256);

    private static StoredRecord Synced(string json, RecordVersion version, long revision = 5) => new(
        new StoredValue(Keys.Data(Path.KeySuffix), json, revision, 1),
        new StoredValue(Keys.Version(Path.KeySuffix), VersionJson.Write(version), revision, 1));

    // A raw write's guessed version counts the node's change at the data key's mod revision.
    private const long RawRevision = 9;

    private static StoredRecord Raw(string json, RecordVersion recorded) => Synced(Up, recorded) with
    {
        Data = new StoredValue(Keys.Data(Path.KeySuffix), json, RawRevision, 1),
    };

    private static TipRecord Git(string json, RecordVersion version) => new(Parse(json), version);

    [Test]
    public void A_raw_write_is_the_owning_nodes_change_on_top_of_what_etcd_recorded()
    {
        var recorded = Version(Up, V(("git", 100)));

        var outcome = MirrorDecision.Decide(Path, Raw(Down, recorded), Git(Up, recorded), "core-1", Now, NoProblems);

        outcome.Kind.ShouldBe(MirrorOutcomeKind.Mirrored);
        outcome.Version!.Vector.ShouldBe(V(("git", 100), ("core-1", RawRevision)));
        outcome.Version.Writer.ShouldBe("core-1");
        outcome.Files.Select(f => f.Path).ShouldBe(["state/core-1/entries/e-1.yaml", ".sigil/versions/state/core-1/entries/e-1.yaml"]);
        outcome.Files[0].Content!.ShouldContain("status: down");
    }

    [Test]
    public void What_git_already_holds_is_not_written_again()
    {
        var version = Version(Up, V(("git", 100), ("core-1", 2)));

        MirrorDecision.Decide(Path, Synced(Up, version), Git(Up, version), "core-1", Now, NoProblems).Kind.ShouldBe(MirrorOutcomeKind.Unchanged);
    }

    [Test]
    public void A_git_version_etcd_has_not_seen_yet_is_left_for_the_apply()
    {
        var etcd = Version(Up, V(("git", 100)));
        var git = Version(Down, V(("git", 200)));

        var outcome = MirrorDecision.Decide(Path, Synced(Up, etcd), Git(Down, git), "core-1", Now, NoProblems);

        outcome.Kind.ShouldBe(MirrorOutcomeKind.GitNewer);
        outcome.Files.ShouldBeEmpty();
    }

    [Test]
    public void Concurrent_changes_go_to_the_later_one_and_git_keeps_the_loser()
    {
        var recorded = Version(Up, V(("git", 100)));
        var operatorEarlier = Version("{\"grpc_path\":\"/g\",\"last_seen\":\"2026-11-23T10:00:00Z\",\"status\":\"degraded\"}", V(("git", 150)), time: Then);

        var outcome = MirrorDecision.Decide(Path, Raw(Down, recorded), Git("{\"grpc_path\":\"/g\",\"last_seen\":\"2026-11-23T10:00:00Z\",\"status\":\"degraded\"}", operatorEarlier), "core-1", Now, NoProblems);

        outcome.Kind.ShouldBe(MirrorOutcomeKind.ConflictEtcdWon);
        outcome.Version!.Vector.ShouldBe(V(("git", 150), ("core-1", RawRevision)));
        outcome.Loser.ShouldBe(operatorEarlier);
        outcome.Files.ShouldContain(f => f.Path == Path.KeptConflictPath(operatorEarlier.Sha256) && f.Content!.Contains("degraded", StringComparison.Ordinal));
    }

    [Test]
    public void When_git_wins_a_conflict_only_its_version_learns_of_etcds_and_etcds_value_is_kept()
    {
        var recorded = Version(Up, V(("git", 100)));
        var operatorLater = Version("{\"grpc_path\":\"/g\",\"last_seen\":\"2026-11-23T10:00:00Z\",\"status\":\"degraded\"}", V(("git", 150)), time: Now.AddMinutes(1));

        var outcome = MirrorDecision.Decide(Path, Raw(Down, recorded), Git("{\"grpc_path\":\"/g\",\"last_seen\":\"2026-11-23T10:00:00Z\",\"status\":\"degraded\"}", operatorLater), "core-1", Now, NoProblems);

        outcome.Kind.ShouldBe(MirrorOutcomeKind.ConflictGitWon);
        outcome.Files.Select(f => f.Path).ShouldNotContain(Path.Path);
        outcome.Version!.Vector.Covers(V(("git", 150), ("core-1", RawRevision))).ShouldBeTrue();
        outcome.LoserJson.ShouldBe(Down);
    }

    [Test]
    public void A_raw_write_guessed_at_the_version_git_already_holds_wins_with_a_version_that_has_seen_more()
    {
        // Git holds another version whose node counter already reached the raw write's guess (a
        // resolution on the node moved it on), so neither vector is ahead of the other.
        var recorded = Version(Up, V(("git", 100)));
        var mirroredEarlier = Version("{\"grpc_path\":\"/g\",\"last_seen\":\"2026-11-23T10:00:00Z\",\"status\":\"degraded\"}", V(("git", 100), ("core-1", RawRevision)), "core-1", Then);

        var outcome = MirrorDecision.Decide(Path, Raw(Down, recorded), Git("{\"grpc_path\":\"/g\",\"last_seen\":\"2026-11-23T10:00:00Z\",\"status\":\"degraded\"}", mirroredEarlier), "core-1", Now, NoProblems);

        outcome.Kind.ShouldBe(MirrorOutcomeKind.ConflictEtcdWon);
        outcome.Version!.Vector.CompareTo(mirroredEarlier.Vector).ShouldBe(Causality.Dominates);
        outcome.Files.ShouldContain(f => f.Path == Path.KeptConflictPath(mirroredEarlier.Sha256));
    }

    [Test]
    public void A_raw_write_in_another_json_spelling_of_the_same_record_is_no_change()
    {
        var version = Version(Up, V(("git", 100)));
        var respelled = "{ \"status\": \"up\", \"last_seen\": \"2026-11-23T10:00:00Z\", \"grpc_path\": \"/g\" }";

        MirrorDecision.Decide(Path, Raw(respelled, version), Git(Up, version), "core-1", Now, NoProblems).Kind.ShouldBe(MirrorOutcomeKind.Unchanged);
    }

    [TestCase("not json")]
    [TestCase("{\"status\":\"sideways\",\"last_seen\":\"2026-11-23T10:00:00Z\",\"grpc_path\":\"/g\"}")]
    [TestCase("{\"status\":\"up\"}")]
    public void An_invalid_value_in_etcd_is_reported_and_not_mirrored(string value)
    {
        var recorded = Version(Up, V(("git", 100)));

        var outcome = MirrorDecision.Decide(Path, Raw(value, recorded), Git(Up, recorded), "core-1", Now, NoProblems);

        outcome.Kind.ShouldBe(MirrorOutcomeKind.Invalid);
        outcome.Files.ShouldBeEmpty();
        outcome.Problems.ShouldNotBeEmpty();
    }

    [Test]
    public void A_cross_file_problem_also_stops_the_record()
    {
        var recorded = Version(Up, V(("git", 100)));

        var outcome = MirrorDecision.Decide(Path, Raw(Down, recorded), Git(Up, recorded), "core-1", Now, r => [Diagnostic.InFile(r.Path.Path, "entry 'e-1' does not exist")]);

        outcome.Kind.ShouldBe(MirrorOutcomeKind.Invalid);
    }

    [Test]
    public void A_record_new_in_etcd_is_mirrored()
    {
        var stored = new StoredRecord(new StoredValue(Keys.Data(Path.KeySuffix), Down, 3, 3), null);

        var outcome = MirrorDecision.Decide(Path, stored, TipRecord.None, "core-1", Now, NoProblems);

        outcome.Kind.ShouldBe(MirrorOutcomeKind.Mirrored);
        outcome.Version!.Vector.ShouldBe(V(("core-1", 3)));
    }

    [Test]
    public void A_deletion_in_etcd_deletes_the_file_and_keeps_a_tombstone_version()
    {
        var recorded = Version(Up, V(("git", 100)));
        var deleted = new StoredRecord(null, new StoredValue(Keys.Version(Path.KeySuffix), VersionJson.Write(recorded), 5, 1));

        var outcome = MirrorDecision.Decide(Path, deleted, Git(Up, recorded), "core-1", Now, NoProblems);

        outcome.Kind.ShouldBe(MirrorOutcomeKind.Deleted);
        outcome.Files[0].ShouldBe(new FileChange(Path.Path, null));
        outcome.Version!.IsDeletion.ShouldBeTrue();
    }
}
