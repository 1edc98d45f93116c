using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;

namespace SigilGate.Domain.Tests.Validation;

/// <summary>
/// Reading a tree file by file (an apply, drift, the pusher's view of Git) yields what a full
/// validation yields from each file, and only each file's own problems: the rules that span files
/// were pre-receive's to judge.
/// </summary>
public class FileReadingSpecs
{
    // An Entry whose Core is missing, two nodes sharing an address, a misplaced file, and an Entry with a problem of its own.
    private static readonly TreeSnapshot Tree = ExampleTree.With(
        ("nodes/entry/e-7.yaml", "id: e-7\ncore: core-9\naddress: 10.0.0.7:443\n"),
        ("nodes/entry/e-8.yaml", "id: e-8\ncore: core-1\naddress: 10.0.0.1:443\n"),
        ("nodes/entry/e-2.yaml", "id: e-2\ncore: core-1\naddress: 10.0.0.2:70000\n"),
        ("nodes/extra/x.yaml", "id: x\n"));

    [Test]
    public void Only_each_files_own_problems_are_reported()
    {
        TreeValidator.Validate(Tree).Diagnostics.Count.ShouldBeGreaterThan(2);

        TreeValidator.Read(Tree).Diagnostics.Select(d => d.ToString()).ShouldBe(
        [
            "nodes/entry/e-2.yaml:3:10: address port must be 1-65535, got 70000",
            "nodes/extra/x.yaml: " + MisplacedPath.Explain("nodes/extra/x.yaml"),
        ]);
    }

    [Test]
    public void The_records_sidecars_and_policy_are_those_a_full_validation_reads()
    {
        var full = TreeValidator.Validate(Tree);
        var read = TreeValidator.Read(Tree);

        read.Records.Keys.Order(StringComparer.Ordinal).ShouldBe(full.Records.Keys.Order(StringComparer.Ordinal));
        read.Records.ShouldContainKey("nodes/entry/e-7.yaml");
        read.Records.ShouldNotContainKey("nodes/entry/e-2.yaml");
        foreach (var (path, record) in full.Records) read.Records[path].Json.ShouldBe(record.Json);
        read.Sidecars.Keys.ShouldBe(full.Sidecars.Keys);
        read.Policy.ShouldNotBeNull();
        read.Policy.Roots.ShouldBe(full.Policy!.Roots);
    }
}
