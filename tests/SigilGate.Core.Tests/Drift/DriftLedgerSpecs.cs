using SigilGate.Core.Drift;
using SigilGate.Core.Store;
using static SigilGate.Core.Tests.Drift.SnapshotBuilder;

namespace SigilGate.Core.Tests.Drift;

public class DriftLedgerSpecs
{
    private const string LedgerKey = "/sigil/.sigil/drift/changed-in-etcd/network";

    private static SnapshotBuilder NetworkChanged() => new SnapshotBuilder().AppliedToEtcd().Put("/sigil/network", "{\"name\":\"other\"}");

    private static LedgerUpdate Update(SnapshotBuilder sides)
    {
        var snapshot = sides.Build();
        return DriftLedger.Update(DriftComparison.Compare(snapshot), snapshot);
    }

    [Test]
    public void A_new_difference_is_first_seen_now_and_recorded_only_if_still_absent()
    {
        var update = Update(NetworkChanged());

        update.Aged.Single().FirstSeen.ShouldBe(Now);
        update.Aged.Single().AgeSeconds.ShouldBe(0);
        update.Writes.Single().Guards.ShouldBe([new Guard(LedgerKey, 0)]);
        update.Writes.Single().Mutations.ShouldBe([new PutMutation(LedgerKey, "{\"first_seen\":\"2027-01-15T08:05:00Z\",\"key\":\"/sigil/network\"}")]);
    }

    [Test]
    public void A_difference_seen_before_keeps_its_first_seen_time_and_is_not_written_again()
    {
        var update = Update(NetworkChanged().Put(LedgerKey, "{\"first_seen\":\"2027-01-15T07:00:00Z\",\"key\":\"/sigil/network\"}"));

        update.Aged.Single().FirstSeen.ShouldBe(new DateTimeOffset(2027, 1, 15, 7, 0, 0, TimeSpan.Zero));
        update.Aged.Single().AgeSeconds.ShouldBe(3900);
        update.Writes.ShouldBeEmpty();
    }

    [Test]
    public void A_difference_that_is_gone_has_its_first_seen_time_removed()
    {
        var sides = new SnapshotBuilder().AppliedToEtcd().Put(LedgerKey, "{\"first_seen\":\"2027-01-15T07:00:00Z\"}");
        var revision = sides.Build().Etcd[LedgerKey].ModRevision;

        var update = Update(sides);

        update.Aged.ShouldBeEmpty();
        update.Writes.Single().Guards.ShouldBe([new Guard(LedgerKey, revision)]);
        update.Writes.Single().Mutations.ShouldBe([new DeleteMutation(LedgerKey)]);
    }

    [Test]
    public void A_damaged_first_seen_time_is_written_anew_guarded_on_the_damaged_key()
    {
        var sides = NetworkChanged().Put(LedgerKey, "not json");
        var revision = sides.Build().Etcd[LedgerKey].ModRevision;

        var update = Update(sides);

        update.Aged.Single().FirstSeen.ShouldBe(Now);
        update.Writes.Single().Guards.ShouldBe([new Guard(LedgerKey, revision)]);
    }

    [Test]
    public void A_kept_conflict_dates_from_its_detection_not_from_when_drift_first_saw_it()
    {
        var sides = new SnapshotBuilder().AppliedToEtcd()
            .Put("/sigil/.sigil/conflicts/network/00000000000000aa", "{\"detected\":\"2027-01-15T06:00:00.5+00:00\",\"source\":\"etcd\"}");

        var update = Update(sides);

        update.Aged.Single().FirstSeen.ShouldBe(new DateTimeOffset(2027, 1, 15, 6, 0, 0, TimeSpan.Zero));
        update.Aged.Single().AgeSeconds.ShouldBe(7500);
        update.Writes.Single().Mutations.Single().Key.ShouldBe("/sigil/.sigil/drift/conflict-loser/network/00000000000000aa");
    }

    [TestCase("{\"first_seen\":\"2027-01-15T07:00:00Z\"}", "2027-01-15T07:00:00Z")]
    [TestCase("{\"first_seen\":\"2027-01-15T08:00:00+01:00\"}", "2027-01-15T07:00:00Z")]
    [TestCase("{\"first_seen\":\"yesterday\"}", null)]
    [TestCase("{\"first_seen\":17}", null)]
    [TestCase("[]", null)]
    [TestCase("", null)]
    public void A_recorded_first_seen_time_is_read_only_when_it_is_one(string json, string? expected)
    {
        var read = DriftLedger.FirstSeen(json);
        (read is null ? null : Timestamps.Format(read.Value)).ShouldBe(expected);
    }
}
