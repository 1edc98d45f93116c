namespace SigilGate.Domain.Tests.Validation;

/// <summary>A file with thousands of problems shows the first twenty and counts the rest; other files are not affected.</summary>
public class ProblemLimitSpecs
{
    [Test]
    public void Problems_past_twenty_in_one_file_are_counted_in_one_line()
    {
        var fields = string.Concat(Enumerable.Range(1, 25).Select(i => $"x{i}: 1\n"));
        var problems = ExampleTree.Problems(ExampleTree.With(("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.7:443\n" + fields)));

        problems.Length.ShouldBe(21);
        problems[0].ShouldBe("nodes/entry/e-7.yaml:4:1: unknown field 'x1'");
        problems[19].ShouldBe("nodes/entry/e-7.yaml:23:1: unknown field 'x20'");
        problems[20].ShouldBe("nodes/entry/e-7.yaml: 5 more problems in this file (only the first 20 are shown)");
    }

    [Test]
    public void One_problem_past_the_limit_is_singular()
    {
        var fields = string.Concat(Enumerable.Range(1, 21).Select(i => $"x{i}: 1\n"));
        var problems = ExampleTree.Problems(ExampleTree.With(("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.7:443\n" + fields)));

        problems[^1].ShouldBe("nodes/entry/e-7.yaml: 1 more problem in this file (only the first 20 are shown)");
    }

    [Test]
    public void The_limit_is_per_file()
    {
        var changes = Enumerable.Range(10, 30).Select(i => ($"nodes/entry/e-{i}.yaml", (string?)$"id: e-{i}\ncore: core-1\naddress: 10.0.0.{i}:70000\n")).ToArray();

        ExampleTree.Problems(ExampleTree.With(changes)).Length.ShouldBe(30);
    }
}
