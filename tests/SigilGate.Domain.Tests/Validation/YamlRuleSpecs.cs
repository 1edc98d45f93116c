namespace SigilGate.Domain.Tests.Validation;

/// <summary>What a record file may contain as YAML, reported at the offending position.</summary>
public class YamlRuleSpecs
{
    private const string Entry = "nodes/entry/e-7.yaml";

    [TestCase("id: e-7\ncore: core-1\naddress: 10.0.0.7:443\ncore: core-2\n",
        "nodes/entry/e-7.yaml:4:1: duplicate key 'core' (first at line 2)")]
    [TestCase("id: e-7\ncore: core-1\naddress: 10.0.0.7:443\naddress: 10.0.0.8:443\naddress: 10.0.0.9:443\n",
        "nodes/entry/e-7.yaml:4:1: duplicate key 'address' (first at line 3)",
        "nodes/entry/e-7.yaml:5:1: duplicate key 'address' (first at line 3)")]
    [TestCase("id: &name e-7\ncore: core-1\naddress: 10.0.0.7:443\n",
        "nodes/entry/e-7.yaml:1:5: anchor '&name' is not allowed")]
    [TestCase("id: e-7\ncore: core-1\naddress: *addr\n",
        "nodes/entry/e-7.yaml:3:10: alias '*addr' is not allowed (write the value out)")]
    [TestCase("id: e-7\ncore: !!python/object core-1\naddress: 10.0.0.7:443\n",
        "nodes/entry/e-7.yaml:2:7: tag '!!python/object' is not allowed")]
    [TestCase("id: e-7\ncore: core-1\naddress: !foo 10.0.0.7:443\n",
        "nodes/entry/e-7.yaml:3:10: tag '!foo' is not allowed")]
    [TestCase("id: e-7\ncore: core-1\naddress: !!str 10.0.0.7:443\n",
        "nodes/entry/e-7.yaml:3:10: tag '!!str' is not allowed")]
    [TestCase("id: e-7\ncore: core-1\naddress: 10.0.0.7:443\n---\nid: e-8\n",
        "nodes/entry/e-7.yaml:4:1: only one YAML document is allowed (remove '---')")]
    [TestCase("id: e-7\ncore: core-1\naddress: 10.0.0.7:443\nenabled: [[[[[[[[[[[[[[[[true]]]]]]]]]]]]]]]]\n",
        "nodes/entry/e-7.yaml:4:10: 'enabled' must be true or false, got a list",
        "nodes/entry/e-7.yaml:4:25: nesting is deeper than 16 levels")]
    [TestCase("- id: e-7\n",
        "nodes/entry/e-7.yaml:1:1: the top level must be a mapping of fields, got a list")]
    [TestCase("just some text\n",
        "nodes/entry/e-7.yaml:1:1: the top level must be a mapping of fields, got 'just some text'")]
    [TestCase("",
        "nodes/entry/e-7.yaml: file is empty")]
    [TestCase("# nothing here yet\n",
        "nodes/entry/e-7.yaml: file is empty")]
    [TestCase("---\n",
        "nodes/entry/e-7.yaml: file is empty")]
    [TestCase("id: e-7\ncore: core-1\n address: 10.0.0.7:443\n",
        "nodes/entry/e-7.yaml:3:9: YAML syntax error: while scanning a plain scalar value, found invalid mapping")]
    [TestCase("id: e-7\ncore: \"core-1\naddress: 10.0.0.7:443\n",
        "nodes/entry/e-7.yaml:2:7: YAML syntax error: while scanning a multi-line double-quoted scalar, found wrong indentation")]
    [TestCase("id: e-7\ncore: core-1\naddress: \"10.0.0.7:443\n",
        "nodes/entry/e-7.yaml:3:10: YAML syntax error: while scanning a quoted scalar, found unexpected end of stream")]
    [TestCase("id: e-7\ncore: [core-1\naddress: 10.0.0.7:443\n",
        "nodes/entry/e-7.yaml:2:7: YAML syntax error: the file cannot be read from here on (an unclosed bracket or quote?)")]
    [TestCase("id: e-7\ncore: core-1\naddress: [10.0.0.7:443\n",
        "nodes/entry/e-7.yaml:4:1: YAML syntax error: while parsing a flow sequence, did not find expected ',' or ']'")]
    [TestCase("id: e-7\n[core]: core-1\naddress: 10.0.0.7:443\n",
        "nodes/entry/e-7.yaml:1:1: missing required field 'core'",
        "nodes/entry/e-7.yaml:2:1: keys must be plain names, got a list")]
    [TestCase("id: e-7\ncore: core-1\naddress: 10.0.0.7:443\nnote: \u0001\n",
        "nodes/entry/e-7.yaml:4:7: control character U+0001 is not allowed")]
    public void A_yaml_problem_is_reported_at_its_position(string text, params string[] expected)
    {
        ExampleTree.Problems(ExampleTree.With((Entry, text))).ShouldBe(expected);
    }

    [Test]
    public void Invalid_utf8_is_reported_at_the_first_bad_byte()
    {
        byte[] bytes = [.. "id: e-7\ncore: co"u8, 0xFF, .. "re-1\naddress: 10.0.0.7:443\n"u8];

        ExampleTree.Problems(ExampleTree.WithFile(ExampleTree.Bytes(Entry, bytes)))
            .ShouldBe(["nodes/entry/e-7.yaml:2:9: file is not valid UTF-8 (byte 0xFF)"]);
    }

    [Test]
    public void A_truncated_multibyte_character_is_invalid_utf8()
    {
        byte[] bytes = [.. "name: caf"u8, 0xC3];

        ExampleTree.Problems(ExampleTree.WithFile(ExampleTree.Bytes("network.yaml", bytes)))
            .ShouldBe(["network.yaml:1:10: file is not valid UTF-8 (byte 0xC3)"]);
    }

    [Test]
    public void Multibyte_text_is_fine_and_kept_as_written()
    {
        var tree = ExampleTree.WithFile(ExampleTree.Utf8("network.yaml", "name: Zürich Süd ✓\n"));

        var result = SigilGate.Domain.Validation.TreeValidator.Validate(tree);

        result.Diagnostics.ShouldBeEmpty();
        result.Records["network.yaml"].Json.ShouldBe("""{"name":"Zürich Süd ✓"}""");
    }

    [Test]
    public void A_file_larger_than_the_limit_is_rejected_without_being_parsed()
    {
        var tree = ExampleTree.Only(("network.yaml", "name: [this would not parse\n"));

        ExampleTree.Problems(tree, maxRecordBytes: 10)
            .ShouldBe(["network.yaml: file is 28 bytes, more than the limit of 10 bytes"]);
    }

    [Test]
    public void A_record_whose_json_is_larger_than_the_limit_is_rejected()
    {
        // 8 bytes of YAML become 12 bytes of JSON: {"name":"x"}
        var tree = ExampleTree.Only(("network.yaml", "name: x\n"));

        ExampleTree.Problems(tree, maxRecordBytes: 10)
            .ShouldBe(["network.yaml: record is 12 bytes as JSON, more than the limit of 10 bytes"]);
        SigilGate.Domain.Validation.TreeValidator.Validate(tree, 10).Records.ShouldBeEmpty();
    }

    [TestCase(SigilGate.Domain.Trees.TreeFileMode.Symlink, "nodes/entry/e-7.yaml: must be a regular file, not a symbolic link")]
    [TestCase(SigilGate.Domain.Trees.TreeFileMode.Submodule, "nodes/entry/e-7.yaml: must be a regular file, not a submodule")]
    public void A_record_path_must_hold_a_regular_file(SigilGate.Domain.Trees.TreeFileMode mode, string expected)
    {
        var file = new SigilGate.Domain.Trees.TreeFile(Entry, mode, "0123", () => "../../etc/passwd"u8.ToArray());

        ExampleTree.Problems(ExampleTree.WithFile(file)).ShouldBe([expected]);
    }

    [Test]
    public void An_executable_record_is_refused()
    {
        var bytes = "id: e-7\ncore: core-1\naddress: 10.0.0.7:443\n"u8.ToArray();
        var file = new SigilGate.Domain.Trees.TreeFile(Entry, SigilGate.Domain.Trees.TreeFileMode.Executable, "0123", () => bytes);

        ExampleTree.Problems(ExampleTree.WithFile(file)).ShouldBe(["nodes/entry/e-7.yaml: must be a regular file, not executable (mode 100755): records are data"]);
    }

    [Test]
    public void An_executable_file_that_is_not_a_record_is_left_alone()
    {
        var file = new SigilGate.Domain.Trees.TreeFile("tools/check.sh", SigilGate.Domain.Trees.TreeFileMode.Executable, "0123", () => "#!/bin/sh\n"u8.ToArray());

        ExampleTree.Problems(ExampleTree.WithFile(file)).ShouldBeEmpty();
    }
}
