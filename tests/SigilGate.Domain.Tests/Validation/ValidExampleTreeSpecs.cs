using SigilGate.Domain.Validation;

namespace SigilGate.Domain.Tests.Validation;

public class ValidExampleTreeSpecs
{
    [Test]
    public void The_example_tree_is_valid()
    {
        var result = TreeValidator.Validate(ExampleTree.Tree);

        result.Diagnostics.ShouldBeEmpty();
        result.IsValid.ShouldBeTrue();
    }

    [Test]
    public void An_entry_node_becomes_canonical_json_with_sorted_keys_and_the_default_of_enabled()
    {
        var result = TreeValidator.Validate(ExampleTree.Tree);

        result.Records["nodes/entry/e-7.yaml"].Json
            .ShouldBe("""{"address":"10.0.0.7:443","core":"core-1","enabled":true,"id":"e-7"}""");
    }

    [Test]
    public void Every_synced_record_is_returned_and_policy_and_readme_are_not()
    {
        var result = TreeValidator.Validate(ExampleTree.Tree);

        result.Records.Keys.Order(StringComparer.Ordinal).ShouldBe(
        [
            "network.yaml",
            "nodes/core/core-1.yaml",
            "nodes/core/core-2.yaml",
            "nodes/entry/e-7.yaml",
            "state/core-1/entries/e-7.yaml",
        ]);
    }

    [TestCase("network.yaml", """{"name":"prod","sync_interval":"30s"}""")]
    [TestCase("nodes/core/core-1.yaml", """{"address":"10.0.0.1:443","grpc_paths":["/sigil.Gate/Route"],"id":"core-1","region":"eu-west"}""")]
    [TestCase("nodes/core/core-2.yaml", """{"address":"[2001:db8::2]:443","id":"core-2","region":"us-east"}""")]
    [TestCase("state/core-1/entries/e-7.yaml", """{"grpc_path":"/sigil.Gate/Route","last_seen":"2026-11-23T10:00:00Z","status":"up"}""")]
    public void Each_record_kind_becomes_canonical_json(string path, string json)
    {
        TreeValidator.Validate(ExampleTree.Tree).Records[path].Json.ShouldBe(json);
    }

    [Test]
    public void A_record_knows_its_hash_and_its_etcd_key()
    {
        var record = TreeValidator.Validate(ExampleTree.Tree).Records["nodes/entry/e-7.yaml"];

        record.Key("/sigil").ShouldBe("/sigil/nodes/entry/e-7");
        record.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(record.Json))));
        (record with { Json = "{}" }).Sha256.ShouldBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    }

    [Test]
    public void The_policy_is_read_from_sigil_yaml()
    {
        var policy = TreeValidator.Validate(ExampleTree.Tree).Policy.ShouldNotBeNull();

        policy.Roots.ShouldBe(["root"]);
        policy.Operators.ShouldBe(["alice"]);
    }

    [Test]
    public void Without_sigil_yaml_there_is_no_policy_and_no_problem()
    {
        var result = TreeValidator.Validate(ExampleTree.With(("sigil.yaml", null)));

        result.Policy.ShouldBeNull();
        result.IsValid.ShouldBeTrue();
    }

    [Test]
    public void A_byte_order_mark_and_windows_line_endings_are_accepted()
    {
        var text = "\uFEFFid: e-7\r\ncore: core-1\r\naddress: 10.0.0.7:443\r\nenabled: false\r\n";
        var result = TreeValidator.Validate(ExampleTree.WithFile(ExampleTree.Utf8("nodes/entry/e-7.yaml", text)));

        result.Diagnostics.ShouldBeEmpty();
        result.Records["nodes/entry/e-7.yaml"].Json.ShouldBe("""{"address":"10.0.0.7:443","core":"core-1","enabled":false,"id":"e-7"}""");
    }

    [TestCase("region: 12", "12")]
    [TestCase("region: true", "true")]
    [TestCase("region: \"eu west\"", "eu west")]
    [TestCase("region: 'it''s'", "it's")]
    public void A_string_field_takes_any_plain_or_quoted_scalar_as_written(string line, string region)
    {
        var text = $"id: core-1\naddress: 10.0.0.1:443\n{line}\n";
        var result = TreeValidator.Validate(ExampleTree.With(("nodes/core/core-1.yaml", text)));

        result.Diagnostics.ShouldBeEmpty();
        result.Records["nodes/core/core-1.yaml"].Json.ShouldContain($"\"region\":\"{region}\"");
    }

    [Test]
    public void Other_files_are_ignored_entirely()
    {
        var tree = ExampleTree.With(
            ("docs/notes.yaml", "not: [valid"),
            ("nodes/README.md", "- not a mapping"),
            ("state/core-1/README", ""),
            ("tools/x.yaml", "\t\t"));

        TreeValidator.Validate(tree).Diagnostics.ShouldBeEmpty();
    }
}
