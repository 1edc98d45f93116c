using SigilGate.Domain.Apply;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Conflicts;
using SigilGate.Domain.Records;
using SigilGate.Domain.Store;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Tests.Conflicts;

/// <summary>The commit a decision about kept losers becomes: which files change, with which versions, and its message.</summary>
public class ResolutionPlanSpecs
{
    private static readonly KeyLayout Keys = new("/sigil");
    private static readonly DateTimeOffset Conflicted = new(2026, 12, 6, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Conflicted.AddHours(1);
    private static readonly RecordPath Entry = RecordPath.Parse("nodes/entry/e-1.yaml");
    private static readonly RecordPath State = RecordPath.Parse("state/core-1/entries/e-1.yaml");

    private const string Enabled = "{\"address\":\"10.0.0.1:443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-1\"}";
    private const string Disabled = "{\"address\":\"10.0.0.1:443\",\"core\":\"core-1\",\"enabled\":false,\"id\":\"e-1\"}";
    private const string Moved = "{\"address\":\"10.0.0.1:8443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-1\"}";

    private static RecordVersion Version(string writer, long counter, string json, DateTimeOffset time, params (string Writer, long Counter)[] seen) =>
        new(VersionVector.From([.. seen.Select(s => new KeyValuePair<string, long>(s.Writer, s.Counter)), new(writer, counter)]), writer, time, StoredRecord.Sha256Of(json));

    /// <summary>etcd's hand edit (<see cref="Moved"/>) beat Git's commit (<see cref="Disabled"/>): etcd holds the resolved winner, Git the loser.</summary>
    private static (KeptConflict Kept, StoredRecord Stored, RecordVersion GitVersion) EtcdWon(string? loserValue = Disabled)
    {
        var git = Version("git", Conflicted.ToUnixTimeSeconds(), loserValue ?? "", Conflicted);
        var etcd = Version("etcd", 40, Moved, Conflicted.AddSeconds(1));
        var resolved = ConflictRule.Resolved(etcd, git);
        var record = new ConflictRecord(Keys.Data(Entry.KeySuffix), loserValue, git, resolved, "git commit 2520785be181f7b4bae37d5e263be4e224d174d4", Conflicted.AddSeconds(1));
        var kept = KeptConflict.From(Keys, new StoredValue(Keys.Conflict(Entry.KeySuffix, git.Sha256), record.ToJson(), 9, 9));
        var stored = new StoredRecord(new StoredValue(Keys.Data(Entry.KeySuffix), Moved, 9, 3), new StoredValue(Keys.Version(Entry.KeySuffix), VersionJson.Write(resolved), 9, 3));
        return (kept, stored, git);
    }

    private static ResolutionTip Tip(string? json, RecordVersion? version, params string[] copies) =>
        new(json is null ? null : new Record(Entry, json), version, copies.ToHashSet(StringComparer.Ordinal));

    private static RecordVersion SidecarOf(ResolutionPlan plan, RecordPath record)
    {
        var file = plan.Changes.Single(c => c.Path == record.SidecarPath);
        return SidecarFormat.Read(TreeFile.FromText(file.Path, file.Content!)).Sidecar!.Version;
    }

    private static Record RecordOf(ResolutionPlan plan, RecordPath record)
    {
        var file = plan.Changes.Single(c => c.Path == record.Path);
        return TreeValidator.Read(new TreeSnapshot([TreeFile.FromText(file.Path, file.Content!)])).Records[record.Path];
    }

    [Test]
    public void Keeping_the_winner_brings_git_to_etcd_s_value_with_etcd_s_version()
    {
        var (kept, stored, git) = EtcdWon();

        var plan = ResolutionPlan.Decide(Entry, ResolutionChoice.KeepWinner, null, [kept], stored, Tip(Disabled, git), "alice", Now);

        RecordOf(plan, Entry).Json.ShouldBe(Moved);
        SidecarOf(plan, Entry).ShouldBe(stored.RecordedVersion);
        plan.Resolutions.ShouldHaveSingleItem().LoserId.ShouldBe(kept.LoserId);
    }

    [Test]
    public void Keeping_the_winner_git_already_holds_changes_no_record()
    {
        var (kept, stored, _) = EtcdWon();

        var plan = ResolutionPlan.Decide(Entry, ResolutionChoice.KeepWinner, null, [kept], stored, Tip(Moved, stored.RecordedVersion), "alice", Now);

        plan.Changes.ShouldBeEmpty();
        plan.Summary.ShouldContain("nodes/entry/e-1.yaml stays as it is (Git and etcd hold the same)");
    }

    [Test]
    public void Keeping_the_winner_leaves_alone_a_change_git_holds_that_etcd_has_not_seen()
    {
        var (kept, stored, _) = EtcdWon();
        var newer = Version("git", Now.ToUnixTimeSeconds(), Enabled, Now);

        var plan = ResolutionPlan.Decide(Entry, ResolutionChoice.KeepWinner, null, [kept], stored, Tip(Enabled, newer), "alice", Now);

        plan.Changes.ShouldBeEmpty();
    }

    [Test]
    public void Taking_the_loser_writes_it_with_a_version_that_has_seen_etcd_s_and_both_sides()
    {
        var (kept, stored, git) = EtcdWon();

        var plan = ResolutionPlan.Decide(Entry, ResolutionChoice.TakeLoser, null, [kept], stored, Tip(Disabled, git), "alice", Now);

        RecordOf(plan, Entry).Json.ShouldBe(Disabled);
        var version = SidecarOf(plan, Entry);
        version.Writer.ShouldBe("git");
        version.Sha256.ShouldBe(StoredRecord.Sha256Of(Disabled));
        version.Vector.CompareTo(stored.RecordedVersion!.Vector).ShouldBe(Causality.Dominates);
        version.Vector.CompareTo(kept.Record.Loser.Vector).ShouldBe(Causality.Dominates);
        version.Vector["git"].ShouldBeGreaterThanOrEqualTo(Now.ToUnixTimeSeconds());
    }

    [Test]
    public void The_apply_meets_a_taken_loser_as_a_change_over_etcd_s_value_not_a_new_conflict()
    {
        var (kept, stored, git) = EtcdWon();
        var plan = ResolutionPlan.Decide(Entry, ResolutionChoice.TakeLoser, null, [kept], stored, Tip(Disabled, git), "alice", Now);
        var target = new RecordTarget(Entry, Disabled, SidecarOf(plan, Entry), StoredRecord.Sha256Of(Disabled));

        var outcome = RecordDecision.Decide(target, stored, Keys, new string('c', 40), Now);

        outcome.Kind.ShouldBe(OutcomeKind.Put);
        outcome.KeptAt.ShouldBeNull();
    }

    [Test]
    public void A_loser_that_was_a_deletion_deletes_the_record()
    {
        var (kept, stored, git) = EtcdWon(loserValue: null);

        var plan = ResolutionPlan.Decide(Entry, ResolutionChoice.TakeLoser, null, [kept], stored, Tip(null, git), "alice", Now);

        plan.Changes.Single(c => c.Path == Entry.Path).Content.ShouldBeNull();
        SidecarOf(plan, Entry).IsDeletion.ShouldBeTrue();
    }

    [Test]
    public void A_loser_that_is_not_a_valid_record_cannot_be_taken()
    {
        var (kept, stored, git) = EtcdWon(loserValue: "{\"address\":\"nowhere\"}");

        var error = Should.Throw<ArgumentException>(() => ResolutionPlan.Decide(Entry, ResolutionChoice.TakeLoser, null, [kept], stored, Tip(Disabled, git), "alice", Now));

        error.Message.ShouldStartWith($"the kept loser {kept.LoserId} of nodes/entry/e-1.yaml is not a valid record (");
    }

    [Test]
    public void Several_losers_need_the_one_to_take_named_and_an_unknown_one_is_an_error()
    {
        var (first, stored, git) = EtcdWon();
        var (second, _, _) = EtcdWon(loserValue: Enabled);

        Should.Throw<ArgumentException>(() => ResolutionPlan.Decide(Entry, ResolutionChoice.TakeLoser, null, [first, second], stored, Tip(Disabled, git), "alice", Now))
            .Message.ShouldContain("has 2 kept losers");
        Should.Throw<ArgumentException>(() => ResolutionPlan.Decide(Entry, ResolutionChoice.KeepWinner, "0123456789abcdef", [first, second], stored, Tip(Disabled, git), "alice", Now))
            .Message.ShouldStartWith("nodes/entry/e-1.yaml has no kept loser 0123456789abcdef");
        ResolutionPlan.Decide(Entry, ResolutionChoice.TakeLoser, second.LoserId, [first, second], stored, Tip(Disabled, git), "alice", Now).Resolutions.ShouldHaveSingleItem().LoserId.ShouldBe(second.LoserId);
        ResolutionPlan.Decide(Entry, ResolutionChoice.KeepWinner, null, [first, second], stored, Tip(Disabled, git), "alice", Now).Resolutions.Count.ShouldBe(2);
    }

    [Test]
    public void The_loser_s_copy_in_git_goes_with_the_decision()
    {
        var (kept, stored, git) = EtcdWon();
        var copy = Entry.KeptConflictPath(kept.LoserId);

        var plan = ResolutionPlan.Decide(Entry, ResolutionChoice.KeepWinner, null, [kept], stored, Tip(Moved, stored.RecordedVersion, copy), "alice", Now);

        plan.Changes.ShouldBe([new SigilGate.Domain.Mirror.FileChange(copy, null)]);
    }

    [Test]
    public void The_message_says_who_when_which_won_and_which_was_discarded_and_ends_in_trailers()
    {
        var (kept, stored, git) = EtcdWon();

        var plan = ResolutionPlan.Decide(Entry, ResolutionChoice.TakeLoser, null, [kept], stored, Tip(Disabled, git), "alice", Now);

        var lines = plan.Message.TrimEnd('\n').Split('\n');
        lines[0].ShouldBe("nodes/entry/e-1.yaml: conflict resolved, loser taken");
        lines.ShouldContain($"- took the kept loser {kept.LoserId}: git's version of 2026-12-06T01:00:00Z (sha256 {kept.Record.Loser.Sha256[..16]}, from git commit 2520785be181f7b4bae37d5e263be4e224d174d4); discarded etcd's version of 2026-12-06T01:00:01Z (sha256 {StoredRecord.Sha256Of(Moved)[..16]}), as etcd held it");
        lines.ShouldContain("Decided by alice at 2026-12-06T02:00:00Z with 'sigil conflicts resolve'.");
        lines[^2].ShouldBe($"Sigil-Resolve: take-loser nodes/entry/e-1.yaml {kept.LoserId}");
        lines[^1].ShouldBe("Sigil-Decided-By: alice");
        ConflictResolution.Read(plan.Message).Resolutions.ShouldBe(plan.Resolutions);
    }

    [Test]
    public void Keeping_a_winner_written_as_other_json_versions_git_s_canonical_record()
    {
        var (kept, stored, git) = EtcdWon();
        const string Unsorted = "{\"id\":\"e-1\",\"enabled\":true,\"core\":\"core-1\",\"address\":\"10.0.0.1:8443\"}";
        var raw = stored with { Data = stored.Data! with { Value = Unsorted, ModRevision = 12 } };

        var plan = ResolutionPlan.Decide(Entry, ResolutionChoice.KeepWinner, null, [kept], raw, Tip(Disabled, git), "alice", Now);

        RecordOf(plan, Entry).Json.ShouldBe(Moved);
        SidecarOf(plan, Entry).Sha256.ShouldBe(StoredRecord.Sha256Of(Moved));
    }
}
