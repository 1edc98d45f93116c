using System.Text;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Tests.Yaml;

/// <summary>Encodings and whitespace that editors produce and YAML refuses, reported where they are and with what to do.</summary>
public class HostileTextSpecs
{
    private const string Record = "id: e-7\ncore: core-1\naddress: 10.0.0.7:443\n";

    [TestCase("utf-16LE", new byte[] { 0xFF, 0xFE }, "UTF-16")]
    [TestCase("utf-16BE", new byte[] { 0xFE, 0xFF }, "UTF-16")]
    [TestCase("utf-32LE", new byte[] { 0xFF, 0xFE, 0x00, 0x00 }, "UTF-32")]
    [TestCase("utf-32BE", new byte[] { 0x00, 0x00, 0xFE, 0xFF }, "UTF-32")]
    public void A_file_in_another_unicode_encoding_is_named_as_such(string encoding, byte[] mark, string name)
    {
        var bytes = mark.Concat(Encoding.GetEncoding(encoding).GetBytes(Record)).ToArray();

        Messages(YamlDocumentReader.Read("e.yaml", bytes))
            .ShouldBe([$"e.yaml:1:1: file is {name} (it starts with a {name} byte order mark): records must be UTF-8"]);
    }

    [Test]
    public void A_utf8_byte_order_mark_is_tolerated_and_does_not_shift_columns()
    {
        var result = YamlDocumentReader.Read("e.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Record)]);

        result.Diagnostics.ShouldBeEmpty();
        result.Root!.Entries[0].Key.Start.Column.ShouldBe(1);
    }

    [TestCase("id: e-7\n\tcore: core-1\n", "e.yaml:2:1: tab character in indentation: YAML indents with spaces only")]
    [TestCase("id: e-7\ngrpc_paths:\n\t- /x\n", "e.yaml:3:1: tab character in indentation: YAML indents with spaces only")]
    [TestCase("id: e-7\r\ngrpc_paths:\r\n\t- /x\r\n", "e.yaml:3:1: tab character in indentation: YAML indents with spaces only")]
    public void A_tab_in_indentation_is_reported_on_its_line(string text, string expected)
    {
        Messages(YamlDocumentReader.Read("e.yaml", text)).ShouldBe([expected]);
    }

    [Test]
    public void A_tab_after_a_value_is_fine()
    {
        YamlDocumentReader.Read("e.yaml", "id: e-7\t\ncore: core-1\n").Diagnostics.ShouldBeEmpty();
    }

    private static string[] Messages(YamlReadResult result) => result.Diagnostics.Select(d => d.ToString()).ToArray();
}
