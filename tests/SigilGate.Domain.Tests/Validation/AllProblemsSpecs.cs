using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;

namespace SigilGate.Domain.Tests.Validation;

public class AllProblemsSpecs
{
    [Test]
    public void A_tree_with_ten_problems_reports_all_ten_sorted_by_path_line_and_column()
    {
        var tree = ExampleTree.With(
            ("sigil.yaml", "roots: []\n"),
            ("network.yaml", "name: prod\nsync_interval: soon\n"),
            ("nodes/core/core-1.yaml", "id: core-1\naddress: 10.0.0.1:443\nregion: eu\ngrpc_paths: [route]\n"),
            ("nodes/core/core-3.yaml", "id: core-3\naddress: 10.0.0.3:99999\nregion: us\ncolour: blue\n"),
            ("nodes/entry/e-6.yaml", "id: e-6\ncore: core-9\naddress: 10.0.0.6:443\n"),
            ("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.1:443\nenabled: yes\n"),
            ("nodes/entry/e_8.yaml", "id: e-8\n"),
            ("state/core-1/entries/e-9.yaml", "status: up\nlast_seen: 2026-11-23T10:00:00Z\ngrpc_path: /x\n"));

        ExampleTree.Problems(tree).ShouldBe(
        [
            "network.yaml:2:16: 'sync_interval' must be a duration such as 30s, 1m30s, 500ms or 2h, got 'soon'",
            "nodes/core/core-1.yaml:4:14: 'grpc_paths' items must start with '/', got 'route'",
            "nodes/core/core-3.yaml:2:10: address port must be 1-65535, got 99999",
            "nodes/core/core-3.yaml:4:1: unknown field 'colour'",
            "nodes/entry/e-6.yaml:2:7: core 'core-9' does not exist (no nodes/core/core-9.yaml)",
            "nodes/entry/e-7.yaml:3:10: address 10.0.0.1:443 is also used by nodes/core/core-1.yaml",
            "nodes/entry/e-7.yaml:4:10: 'enabled' must be true or false, got 'yes'",
            "nodes/entry/e_8.yaml: invalid id 'e_8' in file name: ids must match ^[a-z0-9][a-z0-9-]{0,62}$",
            "sigil.yaml:1:8: 'roots' must not be empty",
            "state/core-1/entries/e-9.yaml: entry 'e-9' does not exist (no nodes/entry/e-9.yaml)",
        ]);
    }

    [Test]
    [NonParallelizable]
    public void A_network_of_ten_thousand_records_validates_whole()
    {
        var files = new List<TreeFile> { TreeFile.FromText("network.yaml", "name: big\n") };
        for (var core = 0; core < 100; core++)
        {
            files.Add(TreeFile.FromText($"nodes/core/core-{core}.yaml", $"id: core-{core}\naddress: 10.1.{core}.1:443\nregion: r{core % 7}\ngrpc_paths: [/a, /b]\n"));
        }

        for (var entry = 0; entry < 5_000; entry++)
        {
            var core = entry % 100;
            files.Add(TreeFile.FromText($"nodes/entry/e-{entry}.yaml", $"id: e-{entry}\ncore: core-{core}\naddress: 10.2.{entry / 250}.{entry % 250}:443\n"));
            files.Add(TreeFile.FromText($"state/core-{core}/entries/e-{entry}.yaml", "status: up\nlast_seen: 2026-11-23T10:00:00Z\ngrpc_path: /a\n"));
        }

        // Speed is measured by the benchmark (bench/), not here; this proves a network of this size is accepted whole.
        var result = TreeValidator.Validate(new TreeSnapshot(files));

        result.Diagnostics.ShouldBeEmpty();
        result.Records.Count.ShouldBe(10_101);
    }
}
