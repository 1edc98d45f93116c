using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;

namespace SigilGate.Domain.Tests.Validation;

/// <summary>
/// pre-receive reads only the changed files and what the rules spanning files need beside them,
/// and shows the path-name rules only the new names and their siblings. On top of a valid tip
/// that must find exactly what reading the whole tree finds.
/// </summary>
public class ValidationScopeSpecs
{
    private const string State = "status: up\nlast_seen: 2026-11-23T10:00:00Z\ngrpc_path: /x\n";

    private static readonly (string Path, string? Text)[][] Pushes =
    [
        [("state/core-1/entries/e-7.yaml", "status: down\nlast_seen: 2026-11-23T11:00:00Z\ngrpc_path: /x\n")],
        [("state/core-2/entries/e-7.yaml", State)],
        [("state/core-1/entries/e-9.yaml", State)],
        [("nodes/core/core-1.yaml", null)],
        [("nodes/core/core-2.yaml", null)],
        [("nodes/entry/e-7.yaml", "id: e-7\ncore: core-2\naddress: 10.0.0.7:443\n")],
        [("nodes/entry/e-7.yaml", null)],
        [("nodes/entry/e-8.yaml", "id: e-8\ncore: core-2\naddress: 10.0.0.1:443\n")],
        [("nodes/core/core-3.yaml", "id: core-3\naddress: 10.0.0.7:443\nregion: x\n")],
        [("nodes/core/core-2.yaml", "id: core-2\naddress: 10.0.0.7:443\nregion: us-east\n")],
        [("nodes/entry/e-8.yaml", "id: e-8\ncore: core-3\naddress: 10.0.0.8:443\n"), ("state/core-3/entries/e-8.yaml", State)],
        [("nodes/entry/e-7.yaml", null), ("state/core-1/entries/e-7.yaml", null)],
        [("network.yaml", "name: 7\n")],
        [("sigil.yaml", "roots: root\n")],
        [("nodes/entry/x/e-1.yaml", "id: e-1\n")],
        [("README.md", "# changed\n")],
        [("nodes/entry/E-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.9:443\n")],
        [("State/core-1/entries/e-7.yaml", State)],
        [("state/Core-1/entries/e-7.yaml", State)],
        [("state/core-1/entries/e-7.YAML", State)],
        [("docs/.git/config", "x\n")],
        [("Nodes", "a file beside a folder\n")],
        [("state/core-1/Entries", "x\n"), ("state/core-1/entries/e-7.yaml", "status: down\nlast_seen: 2026-11-23T11:00:00Z\ngrpc_path: /x\n")],
    ];

    private static NodeIndex Index(TreeSnapshot tree) => NodeIndex.Read("pushed", tree.Files);

    [TestCaseSource(nameof(Pushes))]
    public void Finds_what_validating_the_whole_tree_finds((string Path, string? Text)[] push)
    {
        var pushed = ExampleTree.With(push);
        var added = push.Where(c => c.Text is not null && !ExampleTree.Files.ContainsKey(c.Path)).Select(c => c.Path);

        var view = TreeSnapshot.Partial(
            pushed.Restrict(ValidationScope.For(push.Select(c => c.Path), pushed, Index(pushed))).Files,
            NameCheckScope.For(added, pushed),
            pushed);

        ExampleTree.Problems(view).ShouldBe(ExampleTree.Problems(pushed));
    }

    [Test]
    public void The_finding_cases_above_do_find_problems()
    {
        // Guards the equivalence spec against a table of pushes that all pass anyway.
        Pushes.Count(push => ExampleTree.Problems(ExampleTree.With(push)).Length > 0).ShouldBeGreaterThanOrEqualTo(17);
    }

    [Test]
    public void A_core_node_push_of_state_records_reads_them_and_their_entries_only()
    {
        var files = Enumerable.Range(1, 500).SelectMany(i => new (string, string?)[]
        {
            ($"nodes/entry/e-{i}.yaml", $"id: e-{i}\ncore: core-1\naddress: 10.1.{i / 250}.{i % 250}:443\n"),
            ($"state/core-1/entries/e-{i}.yaml", State),
        }).ToArray();
        var pushed = ExampleTree.With(files);

        var scope = ValidationScope.For(["state/core-1/entries/e-3.yaml", ".sigil/versions/state/core-1/entries/e-3.json"], pushed, Index(pushed));

        scope.Order(StringComparer.Ordinal).ShouldBe(["nodes/entry/e-3.yaml", "state/core-1/entries/e-3.yaml"]);
    }

    [Test]
    public void A_written_node_is_read_with_the_nodes_that_share_its_address_only()
    {
        var pushed = ExampleTree.With(("nodes/core/core-2.yaml", "id: core-2\naddress: 10.0.0.7:443\nregion: us-east\n"));

        var scope = ValidationScope.For(["nodes/core/core-2.yaml"], pushed, Index(pushed));

        scope.Order(StringComparer.Ordinal).ShouldBe(["nodes/core/core-2.yaml", "nodes/entry/e-7.yaml"]);
    }

    [Test]
    public void A_written_node_with_a_unique_address_is_read_alone()
    {
        var pushed = ExampleTree.With(("nodes/core/core-2.yaml", "id: core-2\naddress: 10.0.0.2:443\nregion: us-east\n"));

        ValidationScope.For(["nodes/core/core-2.yaml"], pushed, Index(pushed)).ShouldBe(["nodes/core/core-2.yaml"]);
    }

    [Test]
    public void Two_nodes_swapping_addresses_in_one_push_are_read_with_nothing_else()
    {
        var pushed = ExampleTree.With(
            ("nodes/core/core-1.yaml", "id: core-1\naddress: 10.0.0.7:443\nregion: eu-west\n"),
            ("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.1:443\n"));

        var scope = ValidationScope.For(["nodes/core/core-1.yaml", "nodes/entry/e-7.yaml"], pushed, Index(pushed));

        scope.Order(StringComparer.Ordinal).ShouldBe(["nodes/core/core-1.yaml", "nodes/entry/e-7.yaml", "state/core-1/entries/e-7.yaml"]);
        ExampleTree.Problems(pushed).ShouldBeEmpty();
    }

    [Test]
    public void A_deleted_core_brings_the_entries_that_name_it_and_no_other()
    {
        var pushed = ExampleTree.With(
            ("nodes/core/core-1.yaml", null),
            ("nodes/entry/e-8.yaml", "id: e-8\ncore: core-2\naddress: 10.0.0.8:443\n"));

        var scope = ValidationScope.For(["nodes/core/core-1.yaml"], pushed, Index(pushed));

        scope.Order(StringComparer.Ordinal).ShouldBe(["nodes/entry/e-7.yaml"]);
    }

    [Test]
    public void Addresses_are_compared_in_their_normalized_form()
    {
        var pushed = ExampleTree.With(("nodes/entry/e-8.yaml", "id: e-8\ncore: core-2\naddress: \"[2001:DB8:0::2]:443\"\n"));

        var scope = ValidationScope.For(["nodes/entry/e-8.yaml"], pushed, Index(pushed));

        scope.ShouldContain("nodes/core/core-2.yaml");
        ExampleTree.Problems(pushed).ShouldNotBeEmpty();
    }

    [Test]
    public void A_changed_entry_brings_the_state_records_that_name_it()
    {
        var pushed = ExampleTree.Tree;

        var scope = ValidationScope.For(["nodes/entry/e-7.yaml"], pushed, Index(pushed));

        scope.ShouldContain("state/core-1/entries/e-7.yaml");
    }

    [Test]
    public void A_restricted_view_still_knows_every_path_of_the_tree()
    {
        var view = ExampleTree.Tree.Restrict(["network.yaml"]);

        view.Files.Select(f => f.Path).ShouldBe(["network.yaml"]);
        view.Contains("nodes/core/core-2.yaml").ShouldBeTrue();
        view.Contains("nodes/core/core-9.yaml").ShouldBeFalse();
    }

    [Test]
    public void A_push_that_only_changes_existing_files_names_nothing_for_the_path_rules()
    {
        NameCheckScope.For([], ExampleTree.Tree).ShouldBeEmpty();
    }

    [Test]
    public void A_new_name_is_shown_with_the_siblings_of_every_folder_on_its_way()
    {
        var pushed = ExampleTree.With(("state/core-1/entries/e-8.yaml", State));

        var named = NameCheckScope.For(["state/core-1/entries/e-8.yaml"], pushed);

        named.Order(StringComparer.Ordinal).ShouldBe([
            "README.md", "network.yaml", "nodes/", "sigil.yaml", "state/",
            "state/core-1/", "state/core-1/entries/", "state/core-1/entries/e-7.yaml", "state/core-1/entries/e-8.yaml",
        ]);
    }
}
