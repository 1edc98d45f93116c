using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Tests.Yaml;

public class YamlScalarWriterSpecs
{
    [TestCase("e-7", "e-7")]
    [TestCase("core-1", "core-1")]
    [TestCase("10.0.0.7:443", "10.0.0.7:443")]
    [TestCase("/sigil.Gate/Route", "/sigil.Gate/Route")]
    [TestCase("2026-11-23T10:00:00Z", "2026-11-23T10:00:00Z")]
    [TestCase("ops@example.net", "ops@example.net")]
    [TestCase("", "\"\"")]
    [TestCase("true", "\"true\"")]
    [TestCase("Off", "\"Off\"")]
    [TestCase("y", "\"y\"")]
    [TestCase("~", "\"~\"")]
    [TestCase("12", "\"12\"")]
    [TestCase("1.5", "\"1.5\"")]
    [TestCase("1_000", "\"1_000\"")]
    [TestCase("1e3", "\"1e3\"")]
    [TestCase("0x1F", "\"0x1F\"")]
    [TestCase("1:30", "\"1:30\"")]
    [TestCase(".5", "\".5\"")]
    [TestCase("[::1]:443", "\"[::1]:443\"")]
    [TestCase("a b", "\"a b\"")]
    [TestCase("ends:", "\"ends:\"")]
    [TestCase("say \"hi\"\\", "\"say \\\"hi\\\"\\\\\"")]
    [TestCase("tab\there\nnext", "\"tab\\there\\nnext\"")]
    [TestCase("bell\u0007", "\"bell\\u0007\"")]
    [TestCase("café", "\"café\"")]
    public void A_string_is_plain_only_when_no_reader_could_take_it_for_something_else(string value, string written)
    {
        YamlScalarWriter.Format(value).ShouldBe(written);
    }

    [TestCase("a: 'x'")]
    [TestCase("true")]
    [TestCase("\"\\\u0001\n\t")]
    [TestCase("  spaces  ")]
    [TestCase("#!&*|>%@`")]
    public void What_is_written_reads_back_as_the_same_string(string value)
    {
        var root = YamlDocumentReader.Read("f.yaml", "v: " + YamlScalarWriter.Format(value) + "\n").Root.ShouldNotBeNull();

        root.Entries[0].Value.ShouldBeOfType<YamlScalar>().Value.ShouldBe(value);
    }
}
