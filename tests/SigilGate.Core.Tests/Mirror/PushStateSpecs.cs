using SigilGate.Core.Mirror;
using SigilGate.Core.Store;

namespace SigilGate.Core.Tests.Mirror;

public class PushStateSpecs
{
    private static readonly PushState Saved = new(10, new Dictionary<string, long> { ["/a"] = 3, ["/b"] = 7 });

    [Test]
    public void The_same_keys_at_the_same_revisions_match() =>
        Saved.Matches(new Dictionary<string, long> { ["/b"] = 7, ["/a"] = 3 }).ShouldBeTrue();

    [Test]
    public void A_rewritten_key_does_not_match() =>
        Saved.Matches(new Dictionary<string, long> { ["/a"] = 3, ["/b"] = 8 }).ShouldBeFalse();

    [Test]
    public void A_deleted_key_does_not_match() =>
        Saved.Matches(new Dictionary<string, long> { ["/a"] = 3 }).ShouldBeFalse();

    [Test]
    public void A_new_key_does_not_match() =>
        Saved.Matches(new Dictionary<string, long> { ["/a"] = 3, ["/b"] = 7, ["/c"] = 1 }).ShouldBeFalse();

    [Test]
    public void A_summary_with_the_same_count_and_nothing_newer_than_the_snapshot_is_unchanged() =>
        new PrefixSummary(Count: 2, NewestModRevision: 7, Revision: 40).Unchanged(2, 10).ShouldBeTrue();

    [Test]
    public void A_key_written_after_the_snapshot_is_a_change() =>
        new PrefixSummary(Count: 2, NewestModRevision: 11, Revision: 40).Unchanged(2, 10).ShouldBeFalse();

    [Test]
    public void A_key_deleted_since_the_snapshot_is_a_change() =>
        new PrefixSummary(Count: 1, NewestModRevision: 7, Revision: 40).Unchanged(2, 10).ShouldBeFalse();

    [Test]
    public void The_summary_of_a_read_counts_its_keys_and_takes_the_newest_mod_revision() =>
        PrefixSummary.Of(new RangeResult([new StoredValue("/a", "1", 3, 3), new StoredValue("/b", "2", 9, 2)], 12)).ShouldBe(new PrefixSummary(2, 9, 12));
}
