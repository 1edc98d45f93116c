using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Store;
using static SigilGate.Domain.Tests.Drift.SnapshotBuilder;

namespace SigilGate.Domain.Tests.Drift;

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
    public void A_damaged_first_seen_time_stops_the_update_naming_its_key()
    {
        var sides = NetworkChanged().Put(LedgerKey, "not json");

        var damaged = Should.Throw<BookkeepingException>(() => Update(sides));

        damaged.Key.ShouldBe(LedgerKey);
        damaged.Message.ShouldBe($"etcd key {LedgerKey} is damaged: not valid JSON (at byte 2); repair: 'etcdctl del {LedgerKey}' (the next 'sigil drift' records the difference anew)");
    }

    [Test]
    public void A_kept_conflict_dates_from_its_detection_not_from_when_drift_first_saw_it()
    {
        var sides = new SnapshotBuilder().AppliedToEtcd()
            .Put("/sigil/.sigil/conflicts/network/00000000000000aa", Conflict("2027-01-15T06:00:00.5+00:00", "etcd"));

        var update = Update(sides);

        update.Aged.Single().FirstSeen.ShouldBe(new DateTimeOffset(2027, 1, 15, 6, 0, 0, TimeSpan.Zero));
        update.Aged.Single().AgeSeconds.ShouldBe(7500);
        update.Writes.Single().Mutations.Single().Key.ShouldBe("/sigil/.sigil/drift/conflict-loser/network/00000000000000aa");
    }

    [TestCase("{\"first_seen\":\"2027-01-15T07:00:00Z\",\"key\":\"/sigil/network\"}", "2027-01-15T07:00:00Z")]
    [TestCase("{\"first_seen\":\"2027-01-15T08:00:00+01:00\",\"key\":\"/sigil/network\"}", "2027-01-15T07:00:00Z")]
    public void A_recorded_first_seen_time_is_read(string json, string expected) =>
        Timestamps.Format(DriftLedger.FirstSeen(new StoredValue(LedgerKey, json, 5, 5))).ShouldBe(expected);

    [TestCase("{\"first_seen\":\"yesterday\",\"key\":\"k\"}", "'first_seen' must be a time such as 2026-11-23T10:00:00Z, got 'yesterday'")]
    [TestCase("{\"first_seen\":17,\"key\":\"k\"}", "'first_seen' must be a time such as 2026-11-23T10:00:00Z, got the number 17")]
    [TestCase("{\"unexpected\":true}", "'first_seen' is missing")]
    [TestCase("{\"first_seen\":\"1969-12-31T23:59:59Z\",\"key\":\"k\"}", "'first_seen' is '1969-12-31T23:59:59Z', before 1970")]
    [TestCase("[]", "expected a JSON object, got an array")]
    [TestCase("", "not valid JSON (at byte 1)")]
    public void A_damaged_first_seen_time_is_named_with_what_is_wrong(string json, string problem) =>
        Should.Throw<BookkeepingException>(() => DriftLedger.FirstSeen(new StoredValue(LedgerKey, json, 5, 5))).Problem.ShouldBe(problem);
}
