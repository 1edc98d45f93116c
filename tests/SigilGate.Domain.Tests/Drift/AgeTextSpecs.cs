using SigilGate.Domain.Drift;

namespace SigilGate.Domain.Tests.Drift;

public class AgeTextSpecs
{
    [TestCase(0, "0s")]
    [TestCase(-5, "0s")]
    [TestCase(59, "59s")]
    [TestCase(60, "1m")]
    [TestCase(300, "5m")]
    [TestCase(312, "5m12s")]
    [TestCase(3599, "59m59s")]
    [TestCase(3600, "1h")]
    [TestCase(3720, "1h2m")]
    [TestCase(86399, "23h59m")]
    [TestCase(86400, "1d")]
    [TestCase(183600, "2d3h")]
    public void Ages_are_shown_in_their_two_largest_units(long seconds, string expected)
    {
        AgeText.Format(seconds).ShouldBe(expected);
    }
}
