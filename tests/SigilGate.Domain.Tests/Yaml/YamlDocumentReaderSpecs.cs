using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Tests.Yaml;

public class YamlDocumentReaderSpecs
{
    [Test]
    public void A_mapping_is_read_with_the_position_of_every_key_and_value()
    {
        var result = YamlDocumentReader.Read("f.yaml", "id: e-7\nlist:\n  - a\n  - 'b'\n");

        result.Diagnostics.ShouldBeEmpty();
        var root = result.Root.ShouldNotBeNull();
        root.Start.ShouldBe(new Mark(1, 1));
        root.Entries.Select(e => (e.Key.Value, e.Key.Start, e.Value.Start))
            .ShouldBe([("id", new Mark(1, 1), new Mark(1, 5)), ("list", new Mark(2, 1), new Mark(3, 3))]);
        var list = root.Entries[1].Value.ShouldBeOfType<YamlSequence>();
        list.Items.Cast<YamlScalar>().Select(s => (s.Value, s.IsPlain, s.Start)).ShouldBe([("a", true, new Mark(3, 5)), ("b", false, new Mark(4, 5))]);
    }

    [TestCase("a:", true)]
    [TestCase("a: ~", true)]
    [TestCase("a: null", true)]
    [TestCase("a: NULL", true)]
    [TestCase("a: 'null'", false)]
    [TestCase("a: \"\"", false)]
    [TestCase("a: nil", false)]
    public void Null_is_an_unquoted_empty_value_tilde_or_null(string text, bool isNull)
    {
        var value = YamlDocumentReader.Read("f.yaml", text).Root!.Entries[0].Value.ShouldBeOfType<YamlScalar>();

        value.IsNull.ShouldBe(isNull);
    }

    [Test]
    public void Block_scalars_keep_their_text()
    {
        var value = YamlDocumentReader.Read("f.yaml", "a: |\n  line one\n  line two\n").Root!.Entries[0].Value.ShouldBeOfType<YamlScalar>();

        value.Value.ShouldBe("line one\nline two\n");
        value.IsPlain.ShouldBeFalse();
    }

    [Test]
    public void An_explicit_single_document_is_fine()
    {
        var result = YamlDocumentReader.Read("f.yaml", "%YAML 1.2\n---\na: 1\n...\n");

        result.Diagnostics.ShouldBeEmpty();
        result.Root.ShouldNotBeNull().Entries.Count.ShouldBe(1);
    }

    [Test]
    public void A_rejected_value_is_kept_but_marked_so_schema_checks_skip_it()
    {
        var result = YamlDocumentReader.Read("f.yaml", "a: !!int 1\nb: *x\n");

        result.Diagnostics.Select(d => d.ToString()).ShouldBe(
        [
            "f.yaml:1:4: tag '!!int' is not allowed",
            "f.yaml:2:4: alias '*x' is not allowed (write the value out)",
        ]);
        result.Root.ShouldNotBeNull().Entries.ShouldAllBe(e => e.Value.IsRejected);
    }

    [Test]
    public void A_duplicate_key_keeps_the_first_value()
    {
        var result = YamlDocumentReader.Read("f.yaml", "a: 1\na: 2\n");

        result.Root.ShouldNotBeNull().Entries.Single().Value.ShouldBeOfType<YamlScalar>().Value.ShouldBe("1");
    }

    [Test]
    public void Columns_count_characters_after_multibyte_text()
    {
        var result = YamlDocumentReader.Read("f.yaml", "é: ü\nb: x\n"u8);

        result.Root.ShouldNotBeNull().Entries[0].Value.Start.ShouldBe(new Mark(1, 4));
    }

    [Test]
    public void A_control_character_in_bytes_is_located()
    {
        YamlDocumentReader.Read("f.yaml", "a: 1\nb: x\u001By\n"u8).Diagnostics.Select(d => d.ToString())
            .ShouldBe(["f.yaml:2:5: control character U+001B is not allowed"]);
    }
}
