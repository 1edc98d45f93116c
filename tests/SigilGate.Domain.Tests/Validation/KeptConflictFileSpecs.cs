using SigilGate.Domain.Apply;
using SigilGate.Domain.Records;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Tests.Validation;

/// <summary>Kept losing versions copied into Git are the document sigil keeps, about the record their folder names.</summary>
public class KeptConflictFileSpecs
{
    private const string KeptPath = ".sigil/conflicts/state/core-1/entries/e-1/0123456789abcdef.json";
    private static readonly DateTimeOffset Time = new(2026, 12, 6, 1, 12, 17, TimeSpan.Zero);
    private static readonly RecordVersion Loser = new(VersionVector.From([new("git", 1796519537)]), "git", Time, new string('a', 64));
    private static readonly RecordVersion Winner = new(VersionVector.From([new("core-1", 5), new("git", 1796519537)]), "core-1", Time, new string('b', 64));

    private static string Kept(string key) => new ConflictRecord(key, "{\"status\":\"down\"}", Loser, Winner, "etcd", Time).ToJson() + "\n";

    [TestCase("/sigil/state/core-1/entries/e-1")]
    [TestCase("/network-a/state/core-1/entries/e-1")]
    [TestCase("state/core-1/entries/e-1.yaml")]
    public void A_kept_conflict_as_sigil_writes_it_is_accepted(string key)
    {
        ExampleTree.Problems(ExampleTree.With((KeptPath, Kept(key)))).ShouldBeEmpty();
    }

    [TestCase("{\n", "not valid JSON (at byte 1)")]
    [TestCase("[]\n", "expected a JSON object")]
    [TestCase("{}\n", "missing")]
    public void A_file_that_is_not_the_document_is_refused_at_its_start(string text, string problem)
    {
        var problems = ExampleTree.Problems(ExampleTree.With((KeptPath, text)));

        problems.ShouldHaveSingleItem().ShouldStartWith($"{KeptPath}:1:1: not a kept conflict as sigil writes it: ");
        problems[0].ShouldContain(problem);
        problems[0].ShouldEndWith("(sigil push copies these from etcd; do not write them by hand)");
    }

    [Test]
    public void A_kept_conflict_about_another_record_is_refused_naming_both()
    {
        ExampleTree.Problems(ExampleTree.With((KeptPath, Kept("/sigil/state/core-1/entries/e-2")))).ShouldBe(
            [$"{KeptPath}:1:1: its key '/sigil/state/core-1/entries/e-2' is not the record of its folder, state/core-1/entries/e-1.yaml (sigil push copies these from etcd; do not write them by hand)"]);
    }
}
