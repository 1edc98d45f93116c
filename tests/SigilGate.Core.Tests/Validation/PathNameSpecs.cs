namespace SigilGate.Core.Tests.Validation;

/// <summary>Paths a checkout cannot hold are refused wherever they are in the tree, not only at record paths.</summary>
public class PathNameSpecs
{
    [TestCase("docs/../x", "..")]
    [TestCase("docs/./x", ".")]
    [TestCase("docs/.git/config", ".git")]
    [TestCase("docs/.GiT/config", ".GiT")]
    [TestCase("docs/.git. /config", ".git. ")]
    [TestCase("docs/GIT~1/config", "GIT~1")]
    [TestCase(".git", ".git")]
    public void A_path_component_git_refuses_to_check_out_is_refused(string path, string component)
    {
        ExampleTree.Problems(ExampleTree.With((path, "x\n")))
            .ShouldBe([$"{path}: path component '{component}' is not allowed (git refuses to check it out)"]);
    }

    [TestCase("docs/.github/workflow.yaml")]
    [TestCase("docs/...")]
    [TestCase("docs/.gitignore")]
    public void Names_that_only_resemble_them_are_fine(string path)
    {
        ExampleTree.Problems(ExampleTree.With((path, "x\n"))).ShouldBeEmpty();
    }

    [Test]
    public void A_file_differing_only_in_case_from_another_is_refused_and_the_lower_case_one_is_kept()
    {
        ExampleTree.Problems(ExampleTree.With(("Sigil.yaml", "roots: [mallory]\n")))
            .ShouldBe(["Sigil.yaml: differs only in case from sigil.yaml (the two are one file on case-insensitive file systems)"]);
    }

    [Test]
    public void Without_a_lower_case_spelling_the_first_in_order_is_kept()
    {
        ExampleTree.Problems(ExampleTree.With(("docs/Readme.md", "a\n"), ("docs/README.md", "b\n")))
            .ShouldBe(["docs/Readme.md: differs only in case from docs/README.md (the two are one file on case-insensitive file systems)"]);
    }

    [Test]
    public void A_folder_differing_only_in_case_is_reported_once_for_the_folder()
    {
        ExampleTree.Problems(ExampleTree.With(("Nodes/entry/e-8.md", "a\n"), ("Nodes/entry/e-9.md", "b\n")))
            .ShouldBe(["Nodes/: differs only in case from nodes/ (the two are one folder on case-insensitive file systems)"]);
    }

    [Test]
    public void A_file_and_a_folder_differing_only_in_case_collide_too()
    {
        ExampleTree.Problems(ExampleTree.With(("NODES", "a\n")))
            .ShouldBe(["NODES: differs only in case from nodes/ (the two are one path on case-insensitive file systems)"]);
    }
}
