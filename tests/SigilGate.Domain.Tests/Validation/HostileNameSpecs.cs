namespace SigilGate.Domain.Tests.Validation;

/// <summary>Ids and references that try to look like something else are refused with a message that shows how.</summary>
public class HostileNameSpecs
{
    private const string Pattern = "^[a-z0-9][a-z0-9-]{0,62}$";

    [Test]
    public void A_cyrillic_look_alike_in_a_file_name_is_named()
    {
        ExampleTree.Problems(ExampleTree.With(("nodes/entry/\u0435-8.yaml", "id: e-8\n")))
            .ShouldBe([$"nodes/entry/\u0435-8.yaml: invalid id '\u0435-8' in file name: ids must match {Pattern} (it contains U+0435, which only looks like an ASCII letter or digit)"]);
    }

    [Test]
    public void An_id_cannot_end_in_a_newline()
    {
        SigilGate.Domain.Records.RecordPath.IsValidId("e-8\n").ShouldBeFalse();
        SigilGate.Domain.Records.RecordPath.Parse("nodes/entry/e-8\n.yaml").Kind.ShouldBe(SigilGate.Domain.Records.RecordKind.Misplaced);
    }

    [Test]
    public void An_id_field_that_does_not_match_shows_the_file_name_escaped()
    {
        ExampleTree.Problems(ExampleTree.With(("nodes/entry/e-7.yaml", "id: \"e-7\\n\"\ncore: core-1\naddress: 10.0.0.7:443\n")))
            .ShouldBe(["nodes/entry/e-7.yaml:1:5: id 'e-7\\u000a' does not match file name 'e-7'"]);
    }

    [TestCase("../core/core-1")]
    [TestCase("core-1/../core-2")]
    public void A_core_reference_that_is_a_path_is_not_a_valid_id(string core)
    {
        ExampleTree.Problems(ExampleTree.With(("nodes/entry/e-8.yaml", $"id: e-8\ncore: {core}\naddress: 10.0.0.8:443\n")))
            .ShouldBe([$"nodes/entry/e-8.yaml:2:7: core '{core}' is not a valid id: ids must match {Pattern}"]);
    }
}
