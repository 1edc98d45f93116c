using SigilGate.Domain.Conflicts;

namespace SigilGate.Domain.Tests.Conflicts;

public class LineDiffSpecs
{
    [Test]
    public void Lines_in_both_are_kept_and_the_rest_marked_by_side() =>
        LineDiff.Of(["{", "  \"a\": 1,", "  \"b\": 2", "}"], ["{", "  \"a\": 1,", "  \"b\": 3", "}"])
            .ShouldBe([" {", "   \"a\": 1,", "-  \"b\": 2", "+  \"b\": 3", " }"]);

    [Test]
    public void An_empty_side_is_all_removed_or_all_added()
    {
        LineDiff.Of(["x", "y"], []).ShouldBe(["-x", "-y"]);
        LineDiff.Of([], ["x"]).ShouldBe(["+x"]);
    }

    [Test]
    public void A_record_s_json_is_compared_one_field_a_line()
    {
        ValueLines.Of("""{"grpc_path":"/sigil.Entry/Report","status":"up"}""")
            .ShouldBe(["{", "  \"grpc_path\": \"/sigil.Entry/Report\",", "  \"status\": \"up\"", "}"]);
        ValueLines.Of("not json\nat all").ShouldBe(["not json", "at all"]);
        ValueLines.Of(null).ShouldBeEmpty();
    }
}
