using SigilGate.Domain.Mirror;
using SigilGate.Domain.Store;

namespace SigilGate.Domain.Tests.Mirror;

public class MirrorStateSpecs
{
    // The last run read the area at revision 10, holding 3 keys; its push made the server rewrite /v at 12.
    private static readonly MirrorState Saved = new(10, 3, new Dictionary<string, long> { ["/v"] = 12 });

    private static KeyListing Changed(long count, params KeyRevision[] keys) => new(keys, count, 20);

    [Test]
    public void A_key_written_after_the_last_run_is_news() =>
        Saved.IsNews(new KeyRevision("/a", 11, 2)).ShouldBeTrue();

    [Test]
    public void A_key_not_written_since_the_last_run_is_not_news() =>
        Saved.IsNews(new KeyRevision("/a", 10, 2)).ShouldBeFalse();

    [Test]
    public void A_settled_rewrite_at_its_revision_is_not_news() =>
        Saved.IsNews(new KeyRevision("/v", 12, 2)).ShouldBeFalse();

    [Test]
    public void A_settled_key_written_again_is_news() =>
        Saved.IsNews(new KeyRevision("/v", 13, 2)).ShouldBeTrue();

    [Test]
    public void Every_key_is_news_to_an_empty_journal() =>
        MirrorState.Empty.IsNews(new KeyRevision("/a", 1, 1)).ShouldBeTrue();

    [Test]
    public void The_same_count_with_no_key_created_since_proves_nothing_was_deleted() =>
        Saved.MayHaveLostKeys(Changed(3, new KeyRevision("/a", 15, 2))).ShouldBeFalse();

    [Test]
    public void A_lower_count_means_a_key_may_be_gone() =>
        Saved.MayHaveLostKeys(Changed(2)).ShouldBeTrue();

    [Test]
    public void A_key_created_since_explains_a_higher_count() =>
        Saved.MayHaveLostKeys(Changed(4, new KeyRevision("/new", 15, 15))).ShouldBeFalse();

    [Test]
    public void A_key_created_since_does_not_hide_a_deletion_behind_an_unchanged_count() =>
        Saved.MayHaveLostKeys(Changed(3, new KeyRevision("/new", 15, 15))).ShouldBeTrue();

    [Test]
    public void Nothing_is_lost_to_an_empty_journal() =>
        MirrorState.Empty.MayHaveLostKeys(new KeyListing([new KeyRevision("/a", 4, 4), new KeyRevision("/b", 5, 3)], 2, 5)).ShouldBeFalse();
}
