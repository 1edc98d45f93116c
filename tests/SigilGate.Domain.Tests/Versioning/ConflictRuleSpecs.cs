using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Tests.Versioning;

public class ConflictRuleSpecs
{
    private static readonly DateTimeOffset T = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static RecordVersion Version(string writer, DateTimeOffset time, string sha = "aa") =>
        new(VersionVector.Empty.Bump(writer), writer, time, sha);

    [Test]
    public void The_later_timestamp_wins()
    {
        var early = Version("core-1", T);
        var late = Version("git", T.AddSeconds(1));
        ConflictRule.Winner(early, late).ShouldBe(late);
        ConflictRule.Winner(late, early).ShouldBe(late);
    }

    [Test]
    public void On_equal_timestamps_the_greater_writer_id_wins_whichever_side_asks()
    {
        var core = Version("core-1", T);
        var git = Version("git", T);
        ConflictRule.Winner(core, git).ShouldBe(git);
        ConflictRule.Winner(git, core).ShouldBe(git);
    }

    [Test]
    public void On_equal_time_and_writer_the_content_hash_decides_so_both_sides_agree()
    {
        var a = Version("core-1", T, "aa");
        var b = Version("core-1", T, "bb");
        ConflictRule.Winner(a, b).ShouldBe(b);
        ConflictRule.Winner(b, a).ShouldBe(b);
    }

    [Test]
    public void Time_zones_do_not_change_the_order()
    {
        var utc = Version("core-1", T);
        var local = Version("git", new DateTimeOffset(2026, 11, 23, 11, 0, 1, TimeSpan.FromHours(1)));
        ConflictRule.Winner(utc, local).ShouldBe(local);
    }

    [Test]
    public void A_resolution_has_seen_both_sides_and_no_more_when_they_were_concurrent()
    {
        var node = new RecordVersion(VersionVector.Empty.Bump("core-1"), "core-1", T, "aa");
        var git = new RecordVersion(VersionVector.Empty.Bump("git", 100), "git", T.AddSeconds(1), "bb");

        ConflictRule.Resolved(git, node).Vector.ShouldBe(VersionVector.Empty.Bump("git", 100).Bump("core-1"));
    }

    [Test]
    public void A_resolution_over_a_loser_with_the_same_vector_moves_past_it()
    {
        var seen = VersionVector.Empty.Bump("git", 100).Bump("core-1");
        var earlier = new RecordVersion(seen, "core-1", T, "aa");
        var later = new RecordVersion(seen, "core-1", T.AddSeconds(1), "bb");

        var resolved = ConflictRule.Resolved(later, earlier);

        resolved.Vector.CompareTo(earlier.Vector).ShouldBe(Causality.Dominates);
        resolved.Vector["core-1"].ShouldBe(2);
        resolved.Sha256.ShouldBe("bb");
    }
}
