using SigilGate.Domain.Configuration;
using SigilGate.Domain.Gate;
using SigilGate.Domain.Git;
using SigilGate.Domain.Validation;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Gate;

namespace SigilGate.Workflows.Tests.Gate;

/// <summary>
/// Generated histories, pushed one after another through the gate with its kept node index: adds,
/// address changes, two nodes swapping addresses in one commit, deletes of Entries and Cores,
/// renames, state records, node files that do not read as nodes, series of commits, reverts to an older tree, merges, pushes rejected in
/// between, the branch moved without the gate, and the kept index dropped or set back to an older
/// commit. Every push is decided exactly as a full validation of the pushed tree decides it.
/// </summary>
public class NodeIndexModelSpecs
{
    private const int Pushes = 120;

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

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    [TestCase(7)]
    [TestCase(8)]
    public void The_gate_with_its_index_decides_every_push_as_a_full_validation_of_the_pushed_tree(int seed)
    {
        var random = new Random(seed);
        var repository = new InMemoryRepository();
        var store = new InMemoryNodeIndexStore();
        var tip = repository.Commit("main", "base network", Network.Base);
        var accepted = new List<string> { tip };
        var kept = new List<NodeIndex>();
        int accepts = 0, rejects = 0;

        for (var push = 0; push < Pushes; push++)
        {
            DisturbTheKeptIndex(random, store, kept);
            var newSha = NextCommit(random, repository, tip, accepted);
            if (random.Next(12) == 0)
            {
                // Moved behind the gate's back (git update-ref), to a tree that is valid as a whole.
                if (Full(repository, newSha).Length > 0) continue;
                repository.SetBranch("main", newSha);
                tip = newSha;
                accepted.Add(tip);
                continue;
            }

            var verdict = new ReceiveGate(repository, new SigilSettings(), store)
                .Check(new ReceivedPush([new RefUpdate(tip, newSha, "refs/heads/main")], "root", []));
            var expected = Full(repository, newSha);
            var context = $"seed {seed}, push {push}, {tip[..7]}..{newSha[..7]}:\n{Describe(repository, tip, newSha)}";
            verdict.Errors.Select(e => e.ToString()).ToArray().ShouldBe(expected, context);
            if (store.Kept is { } index) kept.Add(index);
            if (!verdict.Accepted)
            {
                rejects++;
                continue;
            }

            accepts++;
            repository.SetBranch("main", newSha);
            tip = newSha;
            accepted.Add(tip);
        }

        // The histories must exercise both verdicts, or the comparison above proves little.
        TestContext.Out.WriteLine($"seed {seed}: {accepts} accepted, {rejects} rejected");
        accepts.ShouldBeGreaterThan(Pushes / 5);
        rejects.ShouldBeGreaterThan(Pushes / 5);
    }

    private static string[] Full(InMemoryRepository repository, string sha) =>
        TreeValidator.Validate(repository.Snapshot(sha)).Diagnostics.Select(d => d.ToString()).ToArray();

    private static string Describe(InMemoryRepository repository, string from, string to)
    {
        var before = repository.TextsAt(from);
        var after = repository.TextsAt(to);
        return string.Join("\n", before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Where(path => before.GetValueOrDefault(path) != after.GetValueOrDefault(path))
            .Select(path => $"  {path}: {after.GetValueOrDefault(path)?.Replace('\n', ' ') ?? "(deleted)"}"));
    }

    /// <summary>Now and then the kept index is lost, or set back to one kept earlier (of an older or a rejected commit).</summary>
    private static void DisturbTheKeptIndex(Random random, InMemoryNodeIndexStore store, List<NodeIndex> kept)
    {
        switch (random.Next(10))
        {
            case 0:
                store.Kept = null;
                break;
            case 1 when kept.Count > 0:
                store.Kept = kept[random.Next(kept.Count)];
                break;
        }
    }

    private static string NextCommit(Random random, InMemoryRepository repository, string tip, List<string> accepted)
    {
        var kind = random.Next(10);
        if (kind == 0 && accepted.Count > 1)
        {
            // A revert to an older accepted tree, as one commit on the tip.
            var older = accepted[random.Next(accepted.Count - 1)];
            return repository.CommitOn([tip], "revert", TreeOf(repository, older, tip));
        }

        if (kind == 1 && accepted.Count > 1)
        {
            // A merge of a side branch started at an older accepted commit: the side's changes on the tip's tree.
            var side = repository.CommitOn([accepted[random.Next(accepted.Count)]], "side", Changes(random, repository.TextsAt(tip)));
            var sideChanges = Changes(random, repository.TextsAt(tip));
            return repository.CommitOn([tip, side], "merge", sideChanges);
        }

        // A series of one to three commits.
        var head = tip;
        for (var i = random.Next(1, 4); i > 0; i--) head = repository.CommitOn([head], "change", Changes(random, repository.TextsAt(head)));
        return head;
    }

    private static TreeChange[] TreeOf(InMemoryRepository repository, string wanted, string from)
    {
        var target = repository.TextsAt(wanted);
        var current = repository.TextsAt(from);
        return current.Keys.Where(path => !target.ContainsKey(path)).Select(path => (TreeChange)(path, null))
            .Concat(target.Where(file => current.GetValueOrDefault(file.Key) != file.Value).Select(file => (TreeChange)(file.Key, file.Value)))
            .ToArray();
    }

    /// <summary>One to three changes to a tree of the model network.</summary>
    private static TreeChange[] Changes(Random random, IReadOnlyDictionary<string, string> tree)
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
        tree.Keys.Where(path => path.StartsWith(folder, StringComparison.Ordinal)).Select(path => path[folder.Length..^".yaml".Length]).Order(StringComparer.Ordinal).ToList();
}
