using SigilGate.Domain.Store;

namespace SigilGate.Domain.Tests.Store;

public class KeyLayoutSpecs
{
    [TestCase("/sigil", "/sigil/nodes/entry/e-7")]
    [TestCase("sigil/", "/sigil/nodes/entry/e-7")]
    [TestCase("/net/prod", "/net/prod/nodes/entry/e-7")]
    public void A_record_lives_at_the_prefix_plus_its_path(string prefix, string expected) =>
        new KeyLayout(prefix).Data("nodes/entry/e-7").ShouldBe(expected);

    [Test]
    public void Bookkeeping_lives_under_dot_sigil_and_is_never_a_data_key()
    {
        var keys = new KeyLayout("/sigil");
        keys.Version("nodes/entry/e-7").ShouldBe("/sigil/.sigil/versions/nodes/entry/e-7");
        keys.Applied.ShouldBe("/sigil/.sigil/applied");
        keys.SuffixOfData("/sigil/.sigil/applied").ShouldBeNull();
        keys.SuffixOfData("/sigil/nodes/entry/e-7").ShouldBe("nodes/entry/e-7");
        keys.SuffixOfData("/sigilx/nodes/entry/e-7").ShouldBeNull();
    }
}
