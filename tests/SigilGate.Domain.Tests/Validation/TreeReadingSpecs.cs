using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;

namespace SigilGate.Domain.Tests.Validation;

/// <summary>
/// A validation handed files read already (pre-receive reads the files a push changes before it
/// knows which others the rules need) decides exactly as one that reads every file itself; a
/// reading of another version of a file is never taken for it. A file that cannot be read fails the
/// validation with its own error, whichever core read it.
/// </summary>
public class TreeReadingSpecs
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    public void A_validation_given_some_files_read_already_decides_as_one_that_reads_them_all(int seed)
    {
        var random = new Random(seed);
        var tree = GeneratedTree(random, entries: 40 + random.Next(200));
        var whole = TreeValidator.Validate(tree);

        // Some files read as they are in the tree, some read in another version (a stale reading).
        var files = tree.Files.Where(_ => random.Next(3) > 0).ToList();
        var stale = files.Where(_ => random.Next(6) == 0).Select(file => TreeFile.FromText(file.Path, "id: [stale\n")).ToList();
        var read = TreeReading.Of(files.Where(file => stale.All(s => s.Path != file.Path)).Concat(stale));

        var given = TreeValidator.Validate(tree, read);

        given.Diagnostics.Select(d => d.ToString()).ShouldBe(whole.Diagnostics.Select(d => d.ToString()), $"seed {seed}");
        given.Records.Keys.Order(StringComparer.Ordinal).ShouldBe(whole.Records.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, record) in whole.Records) given.Records[path].Json.ShouldBe(record.Json);
        given.Nodes.OrderBy(n => n.Key, StringComparer.Ordinal).ShouldBe(whole.Nodes.OrderBy(n => n.Key, StringComparer.Ordinal));
        whole.Diagnostics.ShouldNotBeEmpty("the generated trees must have problems for the comparison to mean something");
    }

    [Test]
    public void The_facts_of_the_nodes_read_are_those_the_index_reads_from_each_file()
    {
        var tree = GeneratedTree(new Random(7), entries: 120);
        var nodes = tree.Files.Where(file => NodeFacts.IsNode(file.Path)).ToList();

        var read = TreeReading.Of(tree.Files);

        read.Nodes.Keys.Order(StringComparer.Ordinal).ShouldBe(nodes.Select(file => file.Path).Order(StringComparer.Ordinal));
        foreach (var file in nodes) read.Nodes[file.Path].ShouldBe(NodeFacts.Read(file), file.Path);
    }

    [TestCase(10)]
    [TestCase(5_000)]
    public void A_file_that_cannot_be_read_fails_the_validation_with_its_own_error(int entries)
    {
        var files = GeneratedTree(new Random(1), entries).Files.ToList();
        var broken = files[files.Count / 2];
        files[files.Count / 2] = new TreeFile(broken.Path, broken.Mode, broken.ObjectId, () => throw new InvalidDataException($"cannot read {broken.Path}"));

        var thrown = Should.Throw<InvalidDataException>(() => TreeValidator.Validate(new TreeSnapshot(files)));

        thrown.Message.ShouldBe($"cannot read {broken.Path}");
    }

    // Policy, Cores, Entries and state records, some of them broken: syntax, schema, a missing Core,
    // shared addresses, state records of unknown Entries.
    private static TreeSnapshot GeneratedTree(Random random, int entries)
    {
        var files = new List<TreeFile>
        {
            TreeFile.FromText("sigil.yaml", "roots:\n  - root\noperators:\n  - alice\n"),
            TreeFile.FromText("network.yaml", "name: generated\n"),
            TreeFile.FromText("nodes/core/core-1.yaml", "id: core-1\naddress: 10.9.0.1:443\nregion: a\n"),
            TreeFile.FromText("nodes/core/core-2.yaml", "id: core-2\naddress: 10.9.0.2:443\nregion: b\n"),
        };
        for (var e = 1; e <= entries; e++)
        {
            var id = $"e-{e}";
            var core = random.Next(20) == 0 ? "core-9" : $"core-{random.Next(1, 3)}";
            var address = $"10.1.{random.Next(0, 4)}.{random.Next(1, entries / 2 + 2)}:443";
            var text = random.Next(12) switch
            {
                0 => $"id: {id}\ncore: [{core}\n",
                1 => $"id: {id}\ncore: {core}\naddress: 10.1.0.1:99999\n",
                2 => "- not\n- a mapping\n",
                _ => $"id: {id}\ncore: {core}\naddress: {address}\nenabled: {(random.Next(2) == 0 ? "true" : "false")}\n",
            };
            files.Add(TreeFile.FromText($"nodes/entry/{id}.yaml", text));
            if (random.Next(4) == 0) files.Add(TreeFile.FromText($"state/{core}/entries/{(random.Next(10) == 0 ? "e-0" : id)}.yaml", "status: up\n"));
        }

        return new TreeSnapshot(files);
    }
}
