using SigilGate.Domain.Records;

namespace SigilGate.Domain.Tests.Records;

/// <summary>Object ids and digests are lowercase hexadecimal: anything else in them is refused, wherever it stands.</summary>
public class LowercaseHexSpecs
{
    [TestCase("")]
    [TestCase("0123456789abcdef")]
    [TestCase("9fceb02d0ae598e95dc970b74767f19372d61af8")]
    public void Lowercase_hexadecimal_digits_are_taken(string text) => LowercaseHex.IsAll(text).ShouldBeTrue();

    [TestCase("A")]
    [TestCase("g")]
    [TestCase("9fceb02d0ae598e95dc970b74767f19372d61aF8")]
    [TestCase("9fceb02d0ae598e95dc970b74767f19372d61af ")]
    [TestCase("-1")]
    [TestCase("\u0661")]
    [TestCase("\uff41")]
    public void Anything_else_anywhere_is_refused(string text) => LowercaseHex.IsAll(text).ShouldBeFalse();

    [Test]
    public void A_wrong_character_is_found_at_every_position_of_a_long_text()
    {
        var digest = new string('a', 64);
        for (var i = 0; i < digest.Length; i++)
        {
            LowercaseHex.IsAll(string.Concat(digest.AsSpan(0, i), "G", digest.AsSpan(i + 1))).ShouldBeFalse($"position {i}");
        }
    }
}
