using System.Security.Cryptography;
using System.Text;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Gate;

namespace SigilGate.Workflows.Tests.Gate;

/// <summary>
/// Generated series of staged trees, each checked by pre-commit's gate with its kept tree: the changes
/// of <see cref="NetworkChanges"/>, files made executable or links, names that clash in case or are not
/// records, files removed, fixes back to the last tree that validated, and the kept tree dropped or set
/// back to one kept earlier. Every staged tree is judged exactly as a validation of the whole tree
/// judges it: the same problems, in the same order, with the same messages.
/// </summary>
public class StagedGateModelSpecs
{
    private const int Commits = 150;

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    public void Every_staged_tree_is_judged_as_a_validation_of_the_whole_tree(int seed)
    {
        var random = new Random(seed);
        var store = new InMemoryValidatedTreeStore();
        var staged = Files(Network.Base.Select(change => (change.Path, change.Content!, change.Mode)));
        var lastValid = staged;
        var kept = new List<ValidatedTree>();
        int valid = 0, invalid = 0;

        for (var commit = 0; commit < Commits; commit++)
        {
            Disturb(random, store, kept);
            staged = Next(random, staged, lastValid);
            var tree = Snapshot(staged);

            var verdict = new StagedGate(store).Check(tree);

            var expected = TreeValidator.Validate(tree).Diagnostics.Select(d => d.ToString()).ToArray();
            verdict.Diagnostics.Select(d => d.ToString()).ToArray().ShouldBe(expected, $"seed {seed}, commit {commit}");
            if (store.Kept is { } now && !kept.Contains(now)) kept.Add(now);
            if (verdict.IsValid)
            {
                valid++;
                lastValid = staged;
            }
            else
            {
                invalid++;
            }
        }

        // Both verdicts, and mostly judged from a kept tree, or the comparison above proves little.
        TestContext.Out.WriteLine($"seed {seed}: {valid} valid, {invalid} invalid, {store.Found} judged from a kept tree");
        valid.ShouldBeGreaterThan(Commits / 5);
        invalid.ShouldBeGreaterThan(Commits / 5);
        store.Found.ShouldBeGreaterThan(Commits / 2);
    }

    [Test]
    public void A_staged_tree_with_a_problem_is_not_kept_and_the_last_clean_one_stays()
    {
        var store = new InMemoryValidatedTreeStore();
        var clean = Files(Network.Base.Select(change => (change.Path, change.Content!, change.Mode)));
        new StagedGate(store).Check(Snapshot(clean)).IsValid.ShouldBeTrue();
        var keptClean = store.Kept.ShouldNotBeNull();

        var broken = With(clean, "nodes/entry/e-3.yaml", Network.Entry("e-3", "core-9", "10.0.0.3:443"));
        var verdict = new StagedGate(store).Check(Snapshot(broken));

        verdict.Diagnostics.Select(d => d.ToString()).ShouldBe(["nodes/entry/e-3.yaml:2:7: core 'core-9' does not exist (no nodes/core/core-9.yaml)"]);
        store.Kept.ShouldBeSameAs(keptClean);
    }

    private static void Disturb(Random random, InMemoryValidatedTreeStore store, List<ValidatedTree> kept)
    {
        switch (random.Next(12))
        {
            case 0:
                store.Kept = null;
                break;
            case 1 when kept.Count > 0:
                store.Kept = kept[random.Next(kept.Count)];
                break;
        }
    }

    private static Dictionary<string, (byte[] Content, TreeFileMode Mode)> Next(
        Random random, Dictionary<string, (byte[] Content, TreeFileMode Mode)> staged, Dictionary<string, (byte[] Content, TreeFileMode Mode)> lastValid)
    {
        // An operator fixes what the hook refused, more often than not.
        if (random.Next(3) == 0) return new(lastValid, StringComparer.Ordinal);

        var next = new Dictionary<string, (byte[] Content, TreeFileMode Mode)>(staged, StringComparer.Ordinal);
        var texts = next.ToDictionary(file => file.Key, file => Encoding.UTF8.GetString(file.Value.Content), StringComparer.Ordinal);
        switch (random.Next(8))
        {
            case 0 when next.Count > 0:
                // A file made executable, or back.
                var path = next.Keys.ElementAt(random.Next(next.Count));
                var (content, mode) = next[path];
                next[path] = (content, mode == TreeFileMode.Executable ? TreeFileMode.Regular : TreeFileMode.Executable);
                return next;
            case 1:
                // A name that clashes in case with a sibling, or that is not a record's.
                var odd = random.Next(3) switch { 0 => "nodes/entry/E-1.yaml", 1 => "nodes/entry/e-1.yml", _ => "docs/notes.md" };
                next[odd] = (Encoding.UTF8.GetBytes("id: e-1\n"), TreeFileMode.Regular);
                return next;
            case 2:
                next["nodes/link.yaml"] = (Encoding.UTF8.GetBytes("entry/e-1.yaml"), TreeFileMode.Symlink);
                return next;
        }

        foreach (var change in NetworkChanges.Of(random, texts))
        {
            if (change.Content is null) next.Remove(change.Path);
            else next[change.Path] = (change.Content, change.Mode);
        }

        return next;
    }

    private static Dictionary<string, (byte[] Content, TreeFileMode Mode)> With(Dictionary<string, (byte[] Content, TreeFileMode Mode)> files, string path, string text) =>
        new(files, StringComparer.Ordinal) { [path] = (Encoding.UTF8.GetBytes(text), TreeFileMode.Regular) };

    private static Dictionary<string, (byte[] Content, TreeFileMode Mode)> Files(IEnumerable<(string Path, byte[] Content, TreeFileMode Mode)> files) =>
        files.ToDictionary(file => file.Path, file => (file.Content, file.Mode), StringComparer.Ordinal);

    private static TreeSnapshot Snapshot(Dictionary<string, (byte[] Content, TreeFileMode Mode)> files) =>
        new(files.Select(file => new TreeFile(file.Key, file.Value.Mode, Convert.ToHexStringLower(SHA1.HashData(file.Value.Content)), () => file.Value.Content)));
}
