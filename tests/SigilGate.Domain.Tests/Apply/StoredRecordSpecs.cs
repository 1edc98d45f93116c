using SigilGate.Domain.Apply;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Store;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Tests.Apply;

public class StoredRecordSpecs
{
    private static readonly KeyLayout Keys = new("/sigil");
    private static readonly DateTimeOffset Seen = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private const string Suffix = "state/core-1/entries/e-7";

    private static StoredRecord RawWrite(string json, long modRevision, VersionVector recorded) => new(
        new StoredValue(Keys.Data(Suffix), json, modRevision, 5),
        new StoredValue(Keys.Version(Suffix), VersionJson.Write(new RecordVersion(recorded, Writers.Git, Seen, StoredRecord.Sha256Of("{\"status\":\"up\"}"))), 5, 5));

    [Test]
    public void A_later_raw_write_has_seen_an_earlier_one_even_with_no_version_recorded_between_them()
    {
        var recorded = VersionVector.Empty.Bump(Writers.Git, 100);

        var earlier = RawWrite("{\"status\":\"down\"}", 30, recorded).CurrentVersion("core-1", Seen.AddMinutes(5))!;
        var later = RawWrite("{\"status\":\"degraded\"}", 42, recorded).CurrentVersion("core-1", Seen)!;

        later.Vector.CompareTo(earlier.Vector).ShouldBe(Causality.Dominates);
        later.Vector.CompareTo(recorded).ShouldBe(Causality.Dominates);
    }

    [Test]
    public void Every_side_guesses_the_same_vector_for_one_raw_write_whenever_it_looks()
    {
        var stored = RawWrite("{\"status\":\"down\"}", 30, VersionVector.Empty.Bump(Writers.Git, 100));

        stored.CurrentVersion("core-1", Seen)!.Vector.ShouldBe(stored.CurrentVersion("core-1", Seen.AddHours(1))!.Vector);
    }

    [Test]
    public void A_raw_write_moves_past_a_recorded_counter_already_beyond_its_mod_revision()
    {
        // After etcd was rebuilt from Git, revisions start again below the counters Git remembers.
        var recorded = VersionVector.Empty.Bump("core-1", 5_000);

        RawWrite("{\"status\":\"down\"}", 30, recorded).CurrentVersion("core-1", Seen)!.Vector["core-1"].ShouldBe(5_001);
    }
}
