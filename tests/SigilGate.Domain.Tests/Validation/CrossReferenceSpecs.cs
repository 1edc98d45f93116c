using SigilGate.Domain.Validation;

namespace SigilGate.Domain.Tests.Validation;

/// <summary>The rules that span files.</summary>
public class CrossReferenceSpecs
{
    [Test]
    public void An_entry_must_name_an_existing_core()
    {
        var tree = ExampleTree.With(("nodes/entry/e-7.yaml", "id: e-7\ncore: core-9\naddress: 10.0.0.7:443\n"));

        ExampleTree.Problems(tree).ShouldBe(
        [
            "nodes/entry/e-7.yaml:2:7: core 'core-9' does not exist (no nodes/core/core-9.yaml)",
            "state/core-1/entries/e-7.yaml: entry 'e-7' belongs to core 'core-9' (nodes/entry/e-7.yaml), not to 'core-1'",
        ]);
    }

    [Test]
    public void A_core_that_exists_but_has_problems_of_its_own_still_exists()
    {
        var tree = ExampleTree.With(("nodes/core/core-1.yaml", "id: core-1\naddress: 10.0.0.1:443\n"));

        ExampleTree.Problems(tree).ShouldBe(["nodes/core/core-1.yaml:1:1: missing required field 'region'"]);
    }

    [Test]
    public void A_state_record_needs_its_entry()
    {
        var tree = ExampleTree.With(("state/core-1/entries/e-9.yaml", "status: up\nlast_seen: 2026-11-23T10:00:00Z\ngrpc_path: /x\n"));

        ExampleTree.Problems(tree).ShouldBe(["state/core-1/entries/e-9.yaml: entry 'e-9' does not exist (no nodes/entry/e-9.yaml)"]);
    }

    [Test]
    public void A_state_record_must_sit_under_the_core_its_entry_belongs_to()
    {
        var tree = ExampleTree.With(("state/core-2/entries/e-7.yaml", "status: down\nlast_seen: 2026-11-23T10:00:00Z\ngrpc_path: /x\n"));

        ExampleTree.Problems(tree).ShouldBe(["state/core-2/entries/e-7.yaml: entry 'e-7' belongs to core 'core-1' (nodes/entry/e-7.yaml), not to 'core-2'"]);
    }

    [Test]
    public void Addresses_are_unique_across_core_and_entry_nodes_and_the_later_file_is_reported()
    {
        var tree = ExampleTree.With(
            ("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.1:443\n"),
            ("nodes/entry/e-8.yaml", "id: e-8\ncore: core-1\naddress:   10.0.0.1:443\n"));

        ExampleTree.Problems(tree).ShouldBe(
        [
            "nodes/entry/e-7.yaml:3:10: address 10.0.0.1:443 is also used by nodes/core/core-1.yaml",
            "nodes/entry/e-8.yaml:3:12: address 10.0.0.1:443 is also used by nodes/core/core-1.yaml",
        ]);
    }

    [TestCase("\"[2001:DB8:0::2]:443\"", "nodes/entry/e-7.yaml:3:10: address [2001:DB8:0::2]:443 is also used by nodes/core/core-2.yaml")]
    [TestCase("10.0.0.1:0443", "nodes/entry/e-7.yaml:3:10: address 10.0.0.1:0443 is also used by nodes/core/core-1.yaml")]
    public void Addresses_are_compared_as_addresses_not_as_text(string address, string expected)
    {
        var tree = ExampleTree.With(("nodes/entry/e-7.yaml", $"id: e-7\ncore: core-1\naddress: {address}\n"));

        ExampleTree.Problems(tree).ShouldBe([expected]);
    }

    [Test]
    public void Same_host_on_another_port_is_a_different_address()
    {
        var tree = ExampleTree.With(("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.1:8443\n"));

        ExampleTree.Problems(tree).ShouldBeEmpty();
    }

    [Test]
    public void Records_with_only_cross_file_problems_are_still_returned()
    {
        // A commit's changed files alone (no nodes/core/) must still yield their records.
        var tree = ExampleTree.Only(("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.7:443\n"));

        var result = TreeValidator.Validate(tree);

        result.IsValid.ShouldBeFalse();
        result.Records.Keys.ShouldBe(["nodes/entry/e-7.yaml"]);
    }

    [Test]
    public void Records_with_problems_of_their_own_are_not_returned()
    {
        var tree = ExampleTree.With(("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.7:443\nextra: 1\n"));

        TreeValidator.Validate(tree).Records.ShouldNotContainKey("nodes/entry/e-7.yaml");
    }
}
