using SigilGate.Testing.InMemory;

namespace SigilGate.Workflows.Tests.Gate;

/// <summary>
/// Random changes to a tree of the model network, of the kinds that test the rules spanning files:
/// Entries and Cores added, moved, renamed and deleted, addresses that collide (also in spellings the
/// rule takes as the same) or are swapped in one commit, state records, and node files that do not
/// read as nodes.
/// </summary>
internal static class NetworkChanges
{
    // Few enough to collide often, with spellings of one address that the rule takes as the same.
    private static readonly string[] Addresses =
    [
        "10.0.0.1:443", "10.0.0.2:443", "10.0.1.1:7000", "10.0.1.2:7000", "10.0.0.4:443", "10.0.0.4:0443", "node.example.net:443", "NODE.example.net:443",
        .. Enumerable.Range(10, 40).Select(i => $"10.0.2.{i}:443"),
    ];

    // Node files that hold no facts the rules compare, or only some of them.
    private static readonly string[] BrokenNodes =
    [
        "id: [unclosed\naddress: 10.0.0.1:443\n",
        "- id: e-1\n- address: 10.0.0.1:443\n",
        "",
        "id: e-1\ncore: 7\naddress: 10.0.0.1:443\nenabled: maybe\n",
        "id: e-1\ncore: core-1\naddress: not an address\n",
    ];

    /// <summary>One to three changes to a tree of the model network.</summary>
    public static TreeChange[] Of(Random random, IReadOnlyDictionary<string, string> tree)
    {
        var files = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = random.Next(1, 4); i > 0; i--) Change(random, tree, files);
        return files.Select(file => (TreeChange)(file.Key, file.Value)).ToArray();
    }

    private static void Change(Random random, IReadOnlyDictionary<string, string> tree, Dictionary<string, string?> files)
    {
        var cores = Ids(tree, "nodes/core/");
        var entries = Ids(tree, "nodes/entry/");
        string Address() => Addresses[random.Next(Addresses.Length)];
        string Core() => random.Next(8) == 0 ? $"core-{random.Next(1, 5)}" : cores.Count > 0 ? cores[random.Next(cores.Count)] : "core-1";
        switch (random.Next(10))
        {
            case 0:
                var added = $"e-{random.Next(1, 9)}";
                files[$"nodes/entry/{added}.yaml"] = Network.Entry(added, Core(), Address());
                break;
            case 1 when cores.Count > 0:
                // A Core renamed: its Entries and state records still name the old id.
                var (from, to) = (cores[random.Next(cores.Count)], $"core-{random.Next(1, 5)}");
                files[$"nodes/core/{from}.yaml"] = null;
                files[$"nodes/core/{to}.yaml"] = tree[$"nodes/core/{from}.yaml"].Replace($"id: {from}\n", $"id: {to}\n", StringComparison.Ordinal);
                break;
            case 2 when entries.Count > 0:
                var moved = entries[random.Next(entries.Count)];
                files[$"nodes/entry/{moved}.yaml"] = Network.Entry(moved, Core(), Address());
                break;
            case 3 when entries.Count > 1:
                // Two nodes swap addresses in one commit.
                var (a, b) = (entries[random.Next(entries.Count)], entries[random.Next(entries.Count)]);
                files[$"nodes/entry/{a}.yaml"] = SwapAddress(tree[$"nodes/entry/{a}.yaml"], tree[$"nodes/entry/{b}.yaml"]);
                files[$"nodes/entry/{b}.yaml"] = SwapAddress(tree[$"nodes/entry/{b}.yaml"], tree[$"nodes/entry/{a}.yaml"]);
                break;
            case 4 when entries.Count > 0:
                files[$"nodes/entry/{entries[random.Next(entries.Count)]}.yaml"] = null;
                break;
            case 5 when cores.Count > 0:
                files[$"nodes/core/{cores[random.Next(cores.Count)]}.yaml"] = null;
                break;
            case 6 when entries.Count > 0:
                // A rename: the same node under another id.
                var old = entries[random.Next(entries.Count)];
                var renamed = $"e-{random.Next(1, 9)}";
                files[$"nodes/entry/{old}.yaml"] = null;
                files[$"nodes/entry/{renamed}.yaml"] = tree[$"nodes/entry/{old}.yaml"].Replace($"id: {old}\n", $"id: {renamed}\n", StringComparison.Ordinal);
                break;
            case 7:
                var entry = entries.Count > 0 && random.Next(4) > 0 ? entries[random.Next(entries.Count)] : $"e-{random.Next(1, 9)}";
                files[$"state/{Core()}/entries/{entry}.yaml"] = random.Next(5) == 0 ? null : Network.State(random.Next(2) == 0 ? "up" : "down");
                break;
            case 8 when random.Next(3) == 0:
                // A node file that does not read as a node: its facts are empty, not those of the file it replaces.
                var broken = random.Next(2) == 0 ? $"nodes/entry/e-{random.Next(1, 9)}.yaml" : $"nodes/core/core-{random.Next(1, 5)}.yaml";
                files[broken] = BrokenNodes[random.Next(BrokenNodes.Length)];
                break;
            default:
                var core = $"core-{random.Next(1, 5)}";
                files[$"nodes/core/{core}.yaml"] = Network.Core(core, Address());
                break;
        }
    }

    // A file of an earlier commit of the series may be one of the broken nodes, with no address line.
    private static string SwapAddress(string node, string other) =>
        string.Join('\n', node.Split('\n').Select(line => line.StartsWith("address: ", StringComparison.Ordinal) ? other.Split('\n').FirstOrDefault(l => l.StartsWith("address: ", StringComparison.Ordinal)) ?? line : line));

    private static List<string> Ids(IReadOnlyDictionary<string, string> tree, string folder) =>
        tree.Keys.Where(path => path.StartsWith(folder, StringComparison.Ordinal) && path.EndsWith(".yaml", StringComparison.Ordinal) && path.IndexOf('/', folder.Length) < 0).Select(path => path[folder.Length..^".yaml".Length]).Order(StringComparer.Ordinal).ToList();
}
