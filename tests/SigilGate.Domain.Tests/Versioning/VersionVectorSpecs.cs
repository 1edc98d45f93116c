using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Tests.Versioning;

public class VersionVectorSpecs
{
    private static VersionVector V(string text) => VersionVector.From(
        text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(':'))
            .Select(p => new KeyValuePair<string, long>(p[0].Trim(), long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))));

    [TestCase("git:1", "git:1", Causality.Equal)]
    [TestCase("", "", Causality.Equal)]
    [TestCase("git:2", "git:1", Causality.Dominates)]
    [TestCase("git:1,core-1:1", "git:1", Causality.Dominates)]
    [TestCase("git:1", "", Causality.Dominates)]
    [TestCase("git:1", "git:1,core-1:1", Causality.DominatedBy)]
    [TestCase("git:2,core-1:1", "git:1,core-1:2", Causality.Concurrent)]
    [TestCase("core-1:1", "core-2:1", Causality.Concurrent)]
    [TestCase("git:0", "", Causality.Equal)]
    public void A_vector_compares_to_another_writer_by_writer(string left, string right, Causality expected) =>
        V(left).CompareTo(V(right)).ShouldBe(expected);

    [Test]
    public void Bumping_a_writer_dominates_the_version_it_came_from()
    {
        var before = V("git:3,core-1:2");
        var after = before.Bump("core-1");
        after["core-1"].ShouldBe(3);
        after.CompareTo(before).ShouldBe(Causality.Dominates);
    }

    [Test]
    public void A_hybrid_bump_moves_to_the_clock_but_always_forward()
    {
        V("git:5").Bump("git", 1_700_000_000)["git"].ShouldBe(1_700_000_000);
        V("git:1700000005").Bump("git", 1_700_000_000)["git"].ShouldBe(1_700_000_006);
    }

    [Test]
    public void Merging_gives_a_version_that_has_seen_both()
    {
        var a = V("git:2,core-1:1");
        var b = V("git:1,core-1:3,core-2:1");
        var merged = a.Merge(b);
        merged.ShouldBe(V("git:2,core-1:3,core-2:1"));
        merged.Covers(a).ShouldBeTrue();
        merged.Covers(b).ShouldBeTrue();
    }

    [Test]
    public void A_vector_prints_its_writers_in_order() =>
        V("git:2,core-1:1").ToString().ShouldBe("{core-1:1, git:2}");

    [Test]
    public void Vectors_are_values() => V("git:1,core-1:1").ShouldBe(V("core-1:1,git:1"));
}
