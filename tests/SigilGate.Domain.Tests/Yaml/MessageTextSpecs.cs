using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Tests.Yaml;

public class MessageTextSpecs
{
    [Test]
    public void A_value_with_a_line_break_cannot_forge_a_second_line_of_output()
    {
        MessageText.Quote("x\nsigil: push accepted").ShouldBe("'x\\u000asigil: push accepted'");
    }

    [Test]
    public void A_long_value_is_shortened()
    {
        MessageText.Quote(new string('a', 200)).ShouldBe("'" + new string('a', 80) + "...'");
    }

    [TestCase("\uFEFFaddress", "'\\ufeffaddress'")]
    [TestCase("\u202Eenabled", "'\\u202eenabled'")]
    [TestCase("e-\u200B1", "'e-\\u200b1'")]
    [TestCase("a\u2028b", "'a\\u2028b'")]
    public void An_invisible_character_is_shown_escaped_so_it_cannot_hide_or_reorder_the_message(string value, string expected)
    {
        MessageText.Quote(value).ShouldBe(expected);
    }

    [Test]
    public void Letters_of_other_scripts_are_shown_as_they_are()
    {
        MessageText.Quote("\u0435-1 caf\u00e9").ShouldBe("'\u0435-1 caf\u00e9'");
    }
}
