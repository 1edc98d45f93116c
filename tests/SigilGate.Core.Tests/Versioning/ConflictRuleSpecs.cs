using SigilGate.Core.Versioning;

namespace SigilGate.Core.Tests.Versioning;

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
}
