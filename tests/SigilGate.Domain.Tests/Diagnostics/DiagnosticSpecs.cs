using SigilGate.Domain.Diagnostics;

namespace SigilGate.Domain.Tests.Diagnostics;

public class DiagnosticSpecs
{
    [TestCase("nodes/entry/e-7.yaml", 3, 10, "nodes/entry/e-7.yaml:3:10: bad")]
    [TestCase("nodes/entry/e-7.yaml", 0, 0, "nodes/entry/e-7.yaml: bad")]
    [TestCase("", 0, 0, "bad")]
    public void A_problem_prints_in_compiler_form(string path, int line, int column, string expected) =>
        new Diagnostic(path, line, column, "bad").ToString().ShouldBe(expected);

    [Test]
    public void A_path_with_a_newline_cannot_forge_another_line_of_output() =>
        Diagnostic.InFile("x\nsigil: push accepted", "bad").ToString().ShouldBe("x\\x0asigil: push accepted: bad");

    [Test]
    public void A_path_with_a_bidirectional_override_is_shown_escaped() =>
        Diagnostic.InFile("nodes/entry/e-1\u202e.yaml", "bad").ToString().ShouldBe("nodes/entry/e-1\\u202e.yaml: bad");
}
