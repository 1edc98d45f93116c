using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Tests.Versioning;

/// <summary>Counters stay at most 2^53-1: arithmetic on them throws rather than wrap to a counter that looks older.</summary>
public class CounterLimitSpecs
{
    [Test]
    public void The_limit_is_the_largest_whole_number_a_json_reader_keeps_exact() =>
        CounterLimit.Max.ShouldBe(9_007_199_254_740_991);

    [Test]
    public void A_bump_at_the_limit_throws_instead_of_wrapping()
    {
        var vector = VersionVector.From([new("git", CounterLimit.Max)]);

        Should.Throw<OverflowException>(() => vector.Bump("git")).Message
            .ShouldBe("counter for writer git is at the largest allowed 9007199254740991 and cannot count another change");
    }

    [Test]
    public void A_bump_to_a_clock_reading_above_the_limit_throws() =>
        Should.Throw<OverflowException>(() => VersionVector.Empty.Bump("etcd", long.MaxValue)).Message
            .ShouldBe("counter for writer etcd is 9223372036854775807, above the largest allowed 9007199254740991");

    [Test]
    public void A_bump_just_below_the_limit_reaches_it()
    {
        var vector = VersionVector.From([new("git", CounterLimit.Max - 1)]).Bump("git");

        vector["git"].ShouldBe(CounterLimit.Max);
    }

    [TestCase(CounterLimit.Max + 1)]
    [TestCase(long.MaxValue)]
    public void A_vector_cannot_be_made_with_a_counter_above_the_limit(long counter) =>
        Should.Throw<OverflowException>(() => VersionVector.From([new("core-1", counter)]));

    [Test]
    public void Merging_vectors_at_the_limit_keeps_the_limit()
    {
        var merged = VersionVector.From([new("git", CounterLimit.Max)]).Merge(VersionVector.From([new("git", 5), new("core-1", CounterLimit.Max)]));

        merged.ToString().ShouldBe("{core-1:9007199254740991, git:9007199254740991}");
    }
}
