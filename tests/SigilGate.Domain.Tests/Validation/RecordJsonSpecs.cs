using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;

namespace SigilGate.Domain.Tests.Validation;

/// <summary>Records as raw JSON, the way node agents and etcdctl write them.</summary>
public class RecordJsonSpecs
{
    private static readonly RecordPath Entry = RecordPath.Parse("nodes/entry/e-7.yaml");
    private static readonly RecordPath State = RecordPath.Parse("state/core-1/entries/e-7.yaml");

    [Test]
    public void Raw_json_becomes_canonical_json()
    {
        var (record, diagnostics) = RecordJson.Parse(Entry, """
            { "id": "e-7", "core": "core-1",
              "address": "10.0.0.7:443" }
            """);

        diagnostics.ShouldBeEmpty();
        record.ShouldNotBeNull().Json.ShouldBe("""{"address":"10.0.0.7:443","core":"core-1","enabled":true,"id":"e-7"}""");
    }

    [TestCase("""{"status":"up","last_seen":"2026-11-23T10:00:00+02:00","grpc_path":"/x"}""", """{"grpc_path":"/x","last_seen":"2026-11-23T10:00:00+02:00","status":"up"}""")]
    [TestCase("""{"status":"down","last_seen":"2026-11-23T10:00:00Z","grpc_path":"/a\"b"}""", """{"grpc_path":"/a\"b","last_seen":"2026-11-23T10:00:00Z","status":"down"}""")]
    [TestCase("""{"status":"down","last_seen":"2026-11-23T10:00:00Z","grpc_path":"/caf\u00e9"}""", """{"grpc_path":"/café","last_seen":"2026-11-23T10:00:00Z","status":"down"}""")]
    public void Canonical_json_escapes_only_what_json_requires(string raw, string canonical)
    {
        RecordJson.Parse(State, raw).Record.ShouldNotBeNull().Json.ShouldBe(canonical);
    }

    [TestCase("""{"id":"e-7","core":"core-1","address":"10.0.0.7:443","enabled":"true"}""",
        "nodes/entry/e-7.yaml:1:64: 'enabled' must be true or false, got the quoted string 'true'")]
    [TestCase("""{"id":"e-7","core":"core-1","address":"10.0.0.7:70000"}""",
        "nodes/entry/e-7.yaml:1:39: address port must be 1-65535, got 70000")]
    [TestCase("""{"id":"e-7","core":"core-1","address":"10.0.0.7:443","adress":"x"}""",
        "nodes/entry/e-7.yaml:1:54: unknown field 'adress'")]
    [TestCase("""{"id":"e-7","core":"core-1","address":"10.0.0.7:443","id":"e-7"}""",
        "nodes/entry/e-7.yaml:1:54: duplicate key 'id' (first at line 1)")]
    [TestCase("""{"id":"e-7","core":null,"address":"10.0.0.7:443"}""",
        "nodes/entry/e-7.yaml:1:20: 'core' must not be empty")]
    [TestCase("""["e-7"]""",
        "nodes/entry/e-7.yaml:1:1: the value must be a JSON object, got a list")]
    [TestCase("""{"id":"e-7",}""",
        "nodes/entry/e-7.yaml:1:13: JSON syntax error: The JSON object contains a trailing comma at the end which is not supported in this mode.")]
    [TestCase("""{"id":"e-7"} {}""",
        "nodes/entry/e-7.yaml:1:14: JSON syntax error: '{' is invalid after a single JSON value. Expected end of data.")]
    [TestCase("""{"id":"\ud800"}""",
        "nodes/entry/e-7.yaml:1:7: JSON syntax error: a string is not valid Unicode (a lone surrogate escape)")]
    [TestCase("",
        "nodes/entry/e-7.yaml: value is empty")]
    public void Raw_json_follows_the_same_rules_as_yaml(string raw, string expected)
    {
        var (record, diagnostics) = RecordJson.Parse(Entry, raw);

        record.ShouldBeNull();
        diagnostics.Select(d => d.ToString()).ShouldBe([expected]);
    }

    [Test]
    public void A_number_where_a_string_is_expected_is_taken_as_its_text_as_in_yaml()
    {
        var (record, _) = RecordJson.Parse(RecordPath.Parse("nodes/core/core-1.yaml"), """{"id":"core-1","address":"10.0.0.1:443","region":12}""");

        record.ShouldNotBeNull().Json.ShouldBe("""{"address":"10.0.0.1:443","id":"core-1","region":"12"}""");
    }

    [Test]
    public void Deep_json_is_rejected()
    {
        var raw = """{"id":"e-7","core":"core-1","address":"10.0.0.7:443","enabled":""" + new string('[', 40) + new string(']', 40) + "}";

        RecordJson.Parse(Entry, raw).Diagnostics.Select(d => d.ToString()).ShouldBe(
        [
            "nodes/entry/e-7.yaml:1:64: 'enabled' must be true or false, got a list",
            "nodes/entry/e-7.yaml:1:79: nesting is deeper than 16 levels",
        ]);
    }

    [Test]
    public void Policy_and_version_files_are_not_records()
    {
        RecordJson.Parse(RecordPath.Parse("sigil.yaml"), "{}").Diagnostics.Select(d => d.ToString())
            .ShouldBe(["sigil.yaml: not a synced record path"]);
    }

    [TestCase("nodes/entry/e-7.yaml", """{"address":"10.0.0.7:443","core":"core-1","enabled":false,"id":"e-7"}""",
        "id: e-7\ncore: core-1\naddress: 10.0.0.7:443\nenabled: false\n")]
    [TestCase("nodes/core/core-1.yaml", """{"address":"[::1]:443","grpc_paths":["/a","/b c"],"id":"core-1","region":"true"}""",
        "id: core-1\naddress: \"[::1]:443\"\nregion: \"true\"\ngrpc_paths:\n  - /a\n  - \"/b c\"\n")]
    [TestCase("nodes/core/core-1.yaml", """{"address":"h:1","grpc_paths":[],"id":"core-1","region":"1:30"}""",
        "id: core-1\naddress: h:1\nregion: \"1:30\"\ngrpc_paths: []\n")]
    [TestCase("network.yaml", """{"name":"a \"quoted\" name\twith tab","sync_interval":"30s"}""",
        "name: \"a \\\"quoted\\\" name\\twith tab\"\nsync_interval: 30s\n")]
    [TestCase("state/core-1/entries/e-7.yaml", """{"grpc_path":"/x","last_seen":"2026-11-23T10:00:00.5+02:00","status":"unknown"}""",
        "status: unknown\nlast_seen: 2026-11-23T10:00:00.5+02:00\ngrpc_path: /x\n")]
    public void A_record_is_written_as_yaml_in_schema_order_and_validates_back_to_the_same_json(string path, string json, string yaml)
    {
        var record = new Record(RecordPath.Parse(path), json);

        var text = RecordJson.ToYaml(record);

        text.ShouldBe(yaml);
        var tree = new TreeSnapshot([TreeFile.FromText(path, text)]);
        TreeValidator.Validate(tree).Records[path].ShouldBe(record);
    }

    [TestCase("null")]
    [TestCase("~")]
    [TestCase("yes")]
    [TestCase("No")]
    [TestCase("0x1F")]
    [TestCase("1e3")]
    [TestCase(".inf")]
    [TestCase("- dash")]
    [TestCase("key: value")]
    [TestCase("# not a comment")]
    [TestCase(" leading space")]
    [TestCase("line\nbreak")]
    [TestCase("back\\slash")]
    [TestCase("bell\u0007")]
    [TestCase("trailing:")]
    [TestCase("'single'")]
    [TestCase("&anchor")]
    [TestCase("*alias")]
    [TestCase("!tag")]
    [TestCase("{flow}")]
    [TestCase("@at")]
    [TestCase("%percent")]
    [TestCase("|literal")]
    [TestCase("ümlaut")]
    public void Any_string_survives_json_to_yaml_to_json(string region)
    {
        var (record, _) = RecordJson.Parse(RecordPath.Parse("nodes/core/core-1.yaml"),
            $$"""{"id":"core-1","address":"h:1","region":{{System.Text.Json.JsonSerializer.Serialize(region, SigilGate.Domain.Tests.Validation.TestJson.Default.String)}}}""");
        record.ShouldNotBeNull();

        var tree = new TreeSnapshot([TreeFile.FromText(record.Path.Path, RecordJson.ToYaml(record))]);

        TreeValidator.Validate(tree).Records[record.Path.Path].ShouldBe(record);
    }
}
