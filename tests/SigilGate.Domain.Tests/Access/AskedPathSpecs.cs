using SigilGate.Domain.Access;

namespace SigilGate.Domain.Tests.Access;

public class AskedPathSpecs
{
    [TestCase("nodes/entry/e-1.yaml", "nodes/entry/e-1.yaml")]
    [TestCase("./nodes/entry/e-1.yaml", "nodes/entry/e-1.yaml")]
    [TestCase("././sigil.yaml", "sigil.yaml")]
    [TestCase("nodes\\entry\\e-1.yaml", "nodes/entry/e-1.yaml")]
    public void A_path_is_named_as_git_names_it(string asked, string named)
    {
        AskedPath.Normalize(asked).ShouldBe(named);
    }

    [TestCase("nodes/entry/e-1.yaml")]
    [TestCase("state/core-1/entries/e-4.yaml")]
    [TestCase("sigil.yaml")]
    [TestCase("README.md")]
    [TestCase("docs/.hidden/x..y")]
    [TestCase("...")]
    public void A_path_a_push_can_carry_has_no_problem(string path)
    {
        AskedPath.Problem(path).ShouldBeNull();
    }

    [TestCase("state/core-1/../core-2/entries/e-4.yaml", "path component '..' is not allowed (git refuses to check it out)")]
    [TestCase("../x", "path component '..' is not allowed (git refuses to check it out)")]
    [TestCase("..", "path component '..' is not allowed (git refuses to check it out)")]
    [TestCase("state/core-1/./entries/e-4.yaml", "path component '.' is not allowed (git refuses to check it out)")]
    [TestCase("nodes/.git/config", "path component '.git' is not allowed (git refuses to check it out)")]
    [TestCase("nodes/.GIT./x", "path component '.GIT.' is not allowed (git refuses to check it out)")]
    [TestCase("/abs", "an absolute path: name the file relative to the repository's top, such as nodes/entry/e-1.yaml")]
    [TestCase("/nodes/entry/e-1.yaml", "an absolute path: name the file relative to the repository's top, such as nodes/entry/e-1.yaml")]
    [TestCase("nodes//entry/e-1.yaml", "has an empty path component ('//'): git names no file so")]
    [TestCase("nodes/entry/", "names a folder: name a file in it (a push changes files)")]
    [TestCase("", "a path must not be empty: name a file in the repository, such as nodes/entry/e-1.yaml")]
    public void A_path_no_push_can_carry_is_refused_saying_why(string path, string problem)
    {
        AskedPath.Problem(path).ShouldBe(problem);
    }

    [Test]
    public void A_leading_dot_slash_alone_leaves_an_empty_path()
    {
        AskedPath.Problem(AskedPath.Normalize("./")).ShouldNotBeNull();
    }
}
