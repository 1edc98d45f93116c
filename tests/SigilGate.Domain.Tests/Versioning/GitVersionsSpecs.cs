using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Tests.Versioning;

public class GitVersionsSpecs
{
    private static readonly DateTimeOffset CommitTime = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private const string Sha = "1111111111111111111111111111111111111111111111111111111111111111";
    private const string OtherSha = "2222222222222222222222222222222222222222222222222222222222222222";

    private static VersionSidecar Sidecar(string sha, params (string Writer, long Counter)[] counters) =>
        new("nodes/entry/e-1.yaml", new RecordVersion(VersionVector.From(counters.Select(c => new KeyValuePair<string, long>(c.Writer, c.Counter))), "core-1", CommitTime.AddDays(-1), sha));

    [Test]
    public void A_record_edited_by_hand_bumps_the_git_counter_to_the_commit_time()
    {
        var version = GitVersions.Of(Sha, sidecar: null, CommitTime);
        version.Vector["git"].ShouldBe(1_800_000_000);
        version.Writer.ShouldBe("git");
        version.Time.ShouldBe(CommitTime);
        version.Sha256.ShouldBe(Sha);
    }

    [Test]
    public void A_sidecar_that_describes_exactly_this_content_is_the_version()
    {
        var sidecar = Sidecar(Sha, ("core-1", 4), ("git", 7));
        GitVersions.Of(Sha, sidecar, CommitTime).ShouldBe(sidecar.Version);
    }

    [Test]
    public void A_hand_edit_on_top_of_a_node_write_keeps_what_the_node_wrote_and_bumps_git()
    {
        var sidecar = Sidecar(OtherSha, ("core-1", 4), ("git", 7));
        var version = GitVersions.Of(Sha, sidecar, CommitTime);
        version.Vector["core-1"].ShouldBe(4);
        version.Vector["git"].ShouldBe(1_800_000_000);
        version.Vector.CompareTo(sidecar.Version.Vector).ShouldBe(Causality.Dominates);
    }

    [Test]
    public void Deleting_a_record_in_git_is_a_git_change_with_a_tombstone_hash()
    {
        var sidecar = Sidecar(Sha, ("core-1", 4));
        var version = GitVersions.Of(null, sidecar, CommitTime);
        version.IsDeletion.ShouldBeTrue();
        version.Vector.CompareTo(sidecar.Version.Vector).ShouldBe(Causality.Dominates);
    }

    [Test]
    public void The_same_tree_and_commit_always_give_the_same_version() =>
        GitVersions.Of(Sha, null, CommitTime).ShouldBe(GitVersions.Of(Sha, null, CommitTime));

    [Test]
    public void A_hand_edit_in_the_same_second_as_the_one_before_still_moves_past_it()
    {
        var first = GitVersions.Of(Sha, null, CommitTime);
        var second = GitVersions.Of(OtherSha, null, CommitTime);

        var after = GitVersions.After(first, second);

        after.Vector.CompareTo(first.Vector).ShouldBe(Causality.Dominates);
        after.Sha256.ShouldBe(OtherSha);
    }

    [Test]
    public void A_change_that_already_moved_past_its_predecessor_is_kept_as_it_is()
    {
        var first = GitVersions.Of(Sha, null, CommitTime);
        var later = GitVersions.Of(OtherSha, null, CommitTime.AddSeconds(5));

        GitVersions.After(first, later).ShouldBe(later);
    }

    [Test]
    public void A_version_carried_by_a_nodes_push_is_never_rewritten()
    {
        var first = GitVersions.Of(Sha, null, CommitTime);
        var node = new RecordVersion(VersionVector.Empty.Bump("core-1"), "core-1", CommitTime, OtherSha);

        GitVersions.After(first, node).ShouldBe(node);
    }

    [Test]
    public void An_older_node_version_brought_back_by_a_revert_is_gits_change_that_has_seen_what_it_replaced()
    {
        var older = new RecordVersion(VersionVector.Empty.Bump("core-1", 10), "core-1", CommitTime.AddDays(-2), Sha);
        var newer = new RecordVersion(VersionVector.Empty.Bump("core-1", 20), "core-1", CommitTime.AddDays(-1), OtherSha);
        var revertedAt = CommitTime.AddHours(1);

        var version = GitVersions.After(newer, older, () => revertedAt);

        version.Vector.CompareTo(newer.Vector).ShouldBe(Causality.Dominates);
        version.Writer.ShouldBe("git");
        version.Time.ShouldBe(revertedAt);
        version.Vector["git"].ShouldBe(revertedAt.ToUnixTimeSeconds());
        version.Sha256.ShouldBe(Sha);
    }

    [Test]
    public void A_node_version_concurrent_with_git_s_is_kept_unless_git_held_it_before()
    {
        var gits = GitVersions.Of(OtherSha, null, CommitTime);
        var node = new RecordVersion(VersionVector.Empty.Bump("core-1", 10), "core-1", CommitTime.AddDays(-2), Sha);
        var broughtBackAt = CommitTime.AddHours(1);

        GitVersions.After(gits, node, () => broughtBackAt, broughtBack: () => false).ShouldBe(node);
        var version = GitVersions.After(gits, node, () => broughtBackAt, broughtBack: () => true);

        version.Writer.ShouldBe("git");
        version.Time.ShouldBe(broughtBackAt);
        version.Vector.CompareTo(gits.Vector).ShouldBe(Causality.Dominates);
        version.Vector.CompareTo(node.Vector).ShouldBe(Causality.Dominates);
        version.Sha256.ShouldBe(Sha);
    }

    [Test]
    public void A_node_version_that_has_seen_the_one_before_is_kept()
    {
        var before = new RecordVersion(VersionVector.Empty.Bump("core-1", 10), "core-1", CommitTime, Sha);
        var node = new RecordVersion(VersionVector.Empty.Bump("core-1", 20), "core-1", CommitTime, OtherSha);

        GitVersions.After(before, node, () => throw new InvalidOperationException("no time needed")).ShouldBe(node);
    }

    [Test]
    public void Beside_the_git_version_etcd_recorded_for_other_content_a_same_second_edit_has_seen_it()
    {
        var applied = GitVersions.Of(Sha, null, CommitTime);
        var dated = GitVersions.Of(OtherSha, null, CommitTime);

        var version = GitVersions.Beside(applied, dated);

        version.Vector.CompareTo(applied.Vector).ShouldBe(Causality.Dominates);
        version.Sha256.ShouldBe(OtherSha);
        version.Writer.ShouldBe("git");
    }

    [Test]
    public void Beside_the_version_etcd_recorded_for_the_same_content_that_version_is_git_s()
    {
        var recorded = new RecordVersion(VersionVector.Empty.Bump("git", 1_800_000_001).Bump("core-1", 3), "git", CommitTime, Sha);

        GitVersions.Beside(recorded, GitVersions.Of(Sha, null, CommitTime)).ShouldBe(recorded);
    }

    [Test]
    public void Beside_a_node_s_recorded_version_Git_never_held_the_dated_version_is_kept()
    {
        // An etcd-won conflict's resolution: the node's content, not yet in Git, has seen Git's loser.
        var dated = GitVersions.Of(OtherSha, null, CommitTime);
        var resolved = new RecordVersion(dated.Vector.Bump("core-1", 4), "core-1", CommitTime.AddSeconds(9), Sha);

        GitVersions.Beside(resolved, dated).ShouldBe(dated);
        GitVersions.Beside(null, dated).ShouldBe(dated);
    }
}
