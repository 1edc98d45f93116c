using SigilGate.Core.Yaml;

namespace SigilGate.Core.Tests.Yaml;

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
}
