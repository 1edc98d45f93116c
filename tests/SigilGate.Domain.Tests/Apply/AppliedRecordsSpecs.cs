using SigilGate.Domain.Apply;
using SigilGate.Domain.Records;
using SigilGate.Domain.Store;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Tests.Apply;

/// <summary>What a step's receipt and output say it did, from each record's outcome.</summary>
public class AppliedRecordsSpecs
{
    private static readonly KeyLayout Keys = new("/sigil");
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly RecordVersion Git = new(VersionVector.From([new("git", 1)]), "git", Time, new string('b', 64));

    private static RecordOutcome Outcome(string id, OutcomeKind kind, bool deletion = false) =>
        new(new RecordTarget(RecordPath.Parse($"nodes/entry/{id}.yaml"), deletion ? null : "{}", Git), kind, [], [], KeptAt: kind is OutcomeKind.ConflictGitWon or OutcomeKind.ConflictEtcdWon ? $"/kept/{id}" : null);

    [Test]
    public void Puts_and_deletions_are_named_by_data_key_and_records_left_alone_are_not()
    {
        var records = AppliedRecords.Of(Keys, [
            Outcome("e-1", OutcomeKind.Put),
            Outcome("e-2", OutcomeKind.Deleted, deletion: true),
            Outcome("e-3", OutcomeKind.Unchanged),
            Outcome("e-4", OutcomeKind.VersionOnly),
            Outcome("e-5", OutcomeKind.EtcdNewer),
        ]);

        records.Put.ShouldBe(["/sigil/nodes/entry/e-1"]);
        records.Deleted.ShouldBe(["/sigil/nodes/entry/e-2"]);
        records.Conflicts.ShouldBeEmpty();
    }

    [Test]
    public void A_conflict_git_won_counts_as_git_s_write_and_every_conflict_is_kept_whole()
    {
        var records = AppliedRecords.Of(Keys, [
            Outcome("e-1", OutcomeKind.ConflictGitWon),
            Outcome("e-2", OutcomeKind.ConflictGitWon, deletion: true),
            Outcome("e-3", OutcomeKind.ConflictEtcdWon),
        ]);

        records.Put.ShouldBe(["/sigil/nodes/entry/e-1"]);
        records.Deleted.ShouldBe(["/sigil/nodes/entry/e-2"]);
        records.Conflicts.Select(c => c.KeptAt).ShouldBe(["/kept/e-1", "/kept/e-2", "/kept/e-3"]);
    }
}
