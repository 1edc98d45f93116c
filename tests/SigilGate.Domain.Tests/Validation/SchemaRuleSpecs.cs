namespace SigilGate.Domain.Tests.Validation;

/// <summary>The fields of each record file: one change to the valid example, and exactly what it reports.</summary>
public class SchemaRuleSpecs
{
    [TestCase("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\nadress: 10.0.0.7:443\n",
        "nodes/entry/e-7.yaml:1:1: missing required field 'address'",
        "nodes/entry/e-7.yaml:3:1: unknown field 'adress'")]
    [TestCase("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.7:443\nenabled: yes\n",
        "nodes/entry/e-7.yaml:4:10: 'enabled' must be true or false, got 'yes'")]
    [TestCase("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.7:443\nenabled: off\n",
        "nodes/entry/e-7.yaml:4:10: 'enabled' must be true or false, got 'off'")]
    [TestCase("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.7:443\nenabled: True\n",
        "nodes/entry/e-7.yaml:4:10: 'enabled' must be true or false, got 'True'")]
    [TestCase("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.7:443\nenabled: \"true\"\n",
        "nodes/entry/e-7.yaml:4:10: 'enabled' must be true or false, got the quoted string 'true'")]
    [TestCase("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.7:443\nenabled:\n",
        "nodes/entry/e-7.yaml:4:9: 'enabled' must be true or false, got an empty value")]
    [TestCase("nodes/entry/e-7.yaml", "id: e-8\ncore: core-1\naddress: 10.0.0.7:443\n",
        "nodes/entry/e-7.yaml:1:5: id 'e-8' does not match file name 'e-7'")]
    [TestCase("nodes/entry/e-7.yaml", "core: core-1\naddress: 10.0.0.7:443\n",
        "nodes/entry/e-7.yaml:1:1: missing required field 'id'")]
    [TestCase("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.7:70000\n",
        "nodes/entry/e-7.yaml:3:10: address port must be 1-65535, got 70000")]
    [TestCase("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.7:0\n",
        "nodes/entry/e-7.yaml:3:10: address port must be 1-65535, got 0")]
    [TestCase("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.7:https\n",
        "nodes/entry/e-7.yaml:3:10: address port must be 1-65535, got https")]
    [TestCase("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: '10.0.0.7:'\n",
        "nodes/entry/e-7.yaml:3:10: address port must be 1-65535, got nothing")]
    [TestCase("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.7\n",
        "nodes/entry/e-7.yaml:3:10: address must be host:port, got '10.0.0.7'")]
    [TestCase("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: ':443'\n",
        "nodes/entry/e-7.yaml:3:10: address host must not be empty, got ':443'")]
    [TestCase("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 'edge 7:443'\n",
        "nodes/entry/e-7.yaml:3:10: address host 'edge 7' is not a host name or IP address")]
    [TestCase("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: '::1:443'\n",
        "nodes/entry/e-7.yaml:3:10: address must be host:port with an IPv6 host in brackets (such as [::1]:443), got '::1:443'")]
    [TestCase("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: '[edge]:443'\n",
        "nodes/entry/e-7.yaml:3:10: address host 'edge' in brackets must be an IPv6 address")]
    [TestCase("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: [10.0.0.7, 443]\n",
        "nodes/entry/e-7.yaml:3:10: 'address' must be a string, got a list")]
    [TestCase("nodes/core/core-1.yaml", "id: core-1\naddress: 10.0.0.1:443\n",
        "nodes/core/core-1.yaml:1:1: missing required field 'region'")]
    [TestCase("nodes/core/core-1.yaml", "id: core-1\naddress: 10.0.0.1:443\nregion:\n",
        "nodes/core/core-1.yaml:3:8: 'region' must not be empty")]
    [TestCase("nodes/core/core-1.yaml", "id: core-1\naddress: 10.0.0.1:443\nregion: ''\n",
        "nodes/core/core-1.yaml:3:9: 'region' must not be empty")]
    [TestCase("nodes/core/core-1.yaml", "id: core-1\naddress: 10.0.0.1:443\nregion: {name: eu}\n",
        "nodes/core/core-1.yaml:3:9: 'region' must be a string, got a mapping")]
    [TestCase("nodes/core/core-1.yaml", "id: core-2\naddress: 10.0.0.1:443\nregion: eu\n",
        "nodes/core/core-1.yaml:1:5: id 'core-2' does not match file name 'core-1'")]
    [TestCase("nodes/core/core-1.yaml", "id: core-1\naddress: 10.0.0.1:443\nregion: eu\ngrpc_paths:\n  - /ok\n  - sigil.Gate/Route\n",
        "nodes/core/core-1.yaml:6:5: 'grpc_paths' items must start with '/', got 'sigil.Gate/Route'")]
    [TestCase("nodes/core/core-1.yaml", "id: core-1\naddress: 10.0.0.1:443\nregion: eu\ngrpc_paths: /only\n",
        "nodes/core/core-1.yaml:4:13: 'grpc_paths' must be a list, got '/only'")]
    [TestCase("nodes/core/core-1.yaml", "id: core-1\naddress: 10.0.0.1:443\nregion: eu\ngrpc_paths: [/a, [/b]]\n",
        "nodes/core/core-1.yaml:4:18: 'grpc_paths' items must be non-empty strings, got a list")]
    [TestCase("network.yaml", "sync_interval: 30s\n",
        "network.yaml:1:1: missing required field 'name'")]
    [TestCase("network.yaml", "name: prod\nsync_interval: soon\n",
        "network.yaml:2:16: 'sync_interval' must be a duration such as 30s, 1m30s, 500ms or 2h, got 'soon'")]
    [TestCase("network.yaml", "name: prod\nsync_interval: 30\n",
        "network.yaml:2:16: 'sync_interval' must be a duration such as 30s, 1m30s, 500ms or 2h, got '30'")]
    [TestCase("network.yaml", "name: prod\nsync_interval: -5s\n",
        "network.yaml:2:16: 'sync_interval' must be greater than 0, got '-5s'")]
    [TestCase("network.yaml", "name: prod\nsync_interval: 0s\n",
        "network.yaml:2:16: 'sync_interval' must be greater than 0, got '0s'")]
    [TestCase("network.yaml", "name: prod\nsync_interval: 0h0m\n",
        "network.yaml:2:16: 'sync_interval' must be greater than 0, got '0h0m'")]
    [TestCase("state/core-1/entries/e-7.yaml", "status: sideways\nlast_seen: 2026-11-23T10:00:00Z\ngrpc_path: /x\n",
        "state/core-1/entries/e-7.yaml:1:9: 'status' must be one of up, down, degraded, unknown, got 'sideways'")]
    [TestCase("state/core-1/entries/e-7.yaml", "status: up\nlast_seen: yesterday\ngrpc_path: /x\n",
        "state/core-1/entries/e-7.yaml:2:12: 'last_seen' must be an RFC 3339 timestamp such as 2026-11-23T10:00:00Z, got 'yesterday'")]
    [TestCase("state/core-1/entries/e-7.yaml", "status: up\nlast_seen: 2026-11-23 10:00:00\ngrpc_path: /x\n",
        "state/core-1/entries/e-7.yaml:2:12: 'last_seen' must be an RFC 3339 timestamp such as 2026-11-23T10:00:00Z, got '2026-11-23 10:00:00'")]
    [TestCase("state/core-1/entries/e-7.yaml", "status: up\nlast_seen: 2026-13-23T10:00:00Z\ngrpc_path: /x\n",
        "state/core-1/entries/e-7.yaml:2:12: 'last_seen' must be an RFC 3339 timestamp such as 2026-11-23T10:00:00Z, got '2026-13-23T10:00:00Z'")]
    [TestCase("state/core-1/entries/e-7.yaml", "status: up\nlast_seen: 2026-11-23T10:00:00Z\ngrpc_path: x\n",
        "state/core-1/entries/e-7.yaml:3:12: 'grpc_path' must start with '/', got 'x'")]
    [TestCase("state/core-1/entries/e-7.yaml", "status: up\n",
        "state/core-1/entries/e-7.yaml:1:1: missing required field 'last_seen'",
        "state/core-1/entries/e-7.yaml:1:1: missing required field 'grpc_path'")]
    [TestCase("sigil.yaml", "operators: [alice]\n",
        "sigil.yaml:1:1: missing required field 'roots'")]
    [TestCase("sigil.yaml", "roots: []\n",
        "sigil.yaml:1:8: 'roots' must not be empty")]
    [TestCase("sigil.yaml", "roots: root\n",
        "sigil.yaml:1:8: 'roots' must be a list, got 'root'")]
    [TestCase("sigil.yaml", "roots:\n  - root\n  - 'jane doe'\n",
        "sigil.yaml:3:5: identity 'jane doe' must not contain whitespace")]
    [TestCase("sigil.yaml", "roots:\n  - root\n  -\n",
        "sigil.yaml:3:4: 'roots' items must be non-empty strings, got an empty value")]
    [TestCase("sigil.yaml", "roots: [root]\noperators: {alice: true}\n",
        "sigil.yaml:2:12: 'operators' must be a list, got a mapping")]
    [TestCase("sigil.yaml", "roots: [root]\nadmins: [alice]\n",
        "sigil.yaml:2:1: unknown field 'admins'")]
    public void A_schema_problem_is_reported_at_the_offending_value(string path, string text, params string[] expected)
    {
        ExampleTree.Problems(ExampleTree.With((path, text))).ShouldBe(expected);
    }

    [TestCase("name: prod\nsync_interval: 1m30s\n")]
    [TestCase("name: prod\nsync_interval: 500ms\n")]
    [TestCase("name: prod\nsync_interval: 2h\n")]
    [TestCase("name: prod\nsync_interval: 1.5h\n")]
    [TestCase("name: prod\n")]
    public void Go_style_durations_are_accepted(string text)
    {
        ExampleTree.Problems(ExampleTree.With(("network.yaml", text))).ShouldBeEmpty();
    }

    [TestCase("2026-11-23T10:00:00Z")]
    [TestCase("2026-11-23t10:00:00z")]
    [TestCase("2026-11-23T12:00:00.123456789+02:00")]
    [TestCase("'2026-11-23T10:00:00-05:30'")]
    public void Rfc3339_timestamps_are_accepted(string lastSeen)
    {
        var text = $"status: degraded\nlast_seen: {lastSeen}\ngrpc_path: /x\n";

        ExampleTree.Problems(ExampleTree.With(("state/core-1/entries/e-7.yaml", text))).ShouldBeEmpty();
    }

    [TestCase("edge-7.example.net:8443")]
    [TestCase("\"[::1]:443\"")]
    [TestCase("10.0.0.7:1")]
    [TestCase("10.0.0.7:65535")]
    public void Host_and_port_addresses_are_accepted(string address)
    {
        var text = $"id: e-7\ncore: core-1\naddress: {address}\n";

        ExampleTree.Problems(ExampleTree.With(("nodes/entry/e-7.yaml", text))).ShouldBeEmpty();
    }
}
