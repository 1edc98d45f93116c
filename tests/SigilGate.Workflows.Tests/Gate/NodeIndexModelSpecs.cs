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
/// between, pushes accepted that never became the tip, the branch moved without the gate, and the kept index dropped or set back to an older
/// commit. Every push is decided exactly as a full validation of the pushed tree decides it.
/// </summary>
public class NodeIndexModelSpecs
{
    private const int Pushes = 120;

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
        int accepts = 0, rejects = 0, lost = 0;

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
            if (random.Next(8) == 0)
            {
                // Accepted, but git did not move the branch (another push on the same tip moved it first).
                lost++;
                continue;
            }

            repository.SetBranch("main", newSha);
            tip = newSha;
            accepted.Add(tip);
        }

        // The histories must exercise both verdicts, or the comparison above proves little.
        TestContext.Out.WriteLine($"seed {seed}: {accepts} accepted ({lost} never became the tip), {rejects} rejected");
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

    /// <summary>Now and then the kept index is lost, or set back to one kept earlier (of an older or a rejected commit), or the proposed ones are lost.</summary>
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
            case 2:
                store.Proposed.Clear();
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
            var side = repository.CommitOn([accepted[random.Next(accepted.Count)]], "side", NetworkChanges.Of(random, repository.TextsAt(tip)));
            var sideChanges = NetworkChanges.Of(random, repository.TextsAt(tip));
            return repository.CommitOn([tip, side], "merge", sideChanges);
        }

        // A series of one to three commits.
        var head = tip;
        for (var i = random.Next(1, 4); i > 0; i--) head = repository.CommitOn([head], "change", NetworkChanges.Of(random, repository.TextsAt(head)));
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
}
