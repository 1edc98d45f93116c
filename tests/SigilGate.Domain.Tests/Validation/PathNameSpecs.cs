using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Tests.Validation;

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
    [TestCase("docs/...x")]
    [TestCase("docs/con-notes.md")]
    [TestCase("docs/com10.txt")]
    [TestCase("docs/a.b c")]
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

    [TestCase("docs/CON", "docs/CON: path component 'CON' is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any extension), where it cannot be checked out")]
    [TestCase("docs/nul.txt", "docs/nul.txt: path component 'nul.txt' is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any extension), where it cannot be checked out")]
    [TestCase("Aux/readme.md", "Aux/readme.md: path component 'Aux' is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any extension), where it cannot be checked out")]
    [TestCase("docs/COM1 .log", "docs/COM1 .log: path component 'COM1 .log' is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any extension), where it cannot be checked out")]
    [TestCase("docs/lpt9", "docs/lpt9: path component 'lpt9' is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any extension), where it cannot be checked out")]
    [TestCase("docs/com\u00b9.md", "docs/com\u00b9.md: path component 'com\u00b9.md' is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any extension), where it cannot be checked out")]
    [TestCase("docs/notes.", "docs/notes.: path component 'notes.' ends in a dot, which Windows drops (the file cannot be checked out there)")]
    [TestCase("docs/...", "docs/...: path component '...' ends in a dot, which Windows drops (the file cannot be checked out there)")]
    [TestCase("docs /notes.md", "docs /notes.md: path component 'docs ' ends in a space, which Windows drops (the file cannot be checked out there)")]
    [TestCase("docs/a:b.md", "docs/a:b.md: path component 'a:b.md' contains ':', which Windows does not allow in a file name")]
    [TestCase("docs/a<b", "docs/a<b: path component 'a<b' contains '<', which Windows does not allow in a file name")]
    [TestCase("docs/a>b", "docs/a>b: path component 'a>b' contains '>', which Windows does not allow in a file name")]
    [TestCase("docs/a\"b", "docs/a\"b: path component 'a\"b' contains '\"', which Windows does not allow in a file name")]
    [TestCase("docs/a|b", "docs/a|b: path component 'a|b' contains '|', which Windows does not allow in a file name")]
    [TestCase("docs/a?b", "docs/a?b: path component 'a?b' contains '?', which Windows does not allow in a file name")]
    [TestCase("docs/a*b", "docs/a*b: path component 'a*b' contains '*', which Windows does not allow in a file name")]
    [TestCase("docs/a\\b", "docs/a\\b: path component 'a\\b' contains '\\', which Windows does not allow in a file name")]
    [TestCase("docs/a\u0001b", "docs/a\\x01b: path component 'a\\u0001b' contains the control character U+0001, which Windows does not allow in a file name")]
    [TestCase("docs/.git\u200c/config", "docs/.git\\u200c/config: path component '.git\\u200c' is .git to macOS (its file system ignores the invisible characters), where git refuses to check it out")]
    [TestCase("\ufeff.GIT/config", "\\ufeff.GIT/config: path component '\\ufeff.GIT' is .git to macOS (its file system ignores the invisible characters), where git refuses to check it out")]
    [TestCase("docs/GIT~2/config", "docs/GIT~2/config: path component 'GIT~2' is an NTFS short name of .git")]
    public void A_name_macOS_or_Windows_cannot_check_out_is_refused_anywhere(string path, string expected)
    {
        ExampleTree.Problems(ExampleTree.With((path, "x\n"))).ShouldBe([expected]);
    }

    [Test]
    public void Names_that_differ_only_in_characters_macOS_ignores_clash_as_they_do_there()
    {
        ExampleTree.Problems(ExampleTree.With(("docs/read\u200Cme.md", "b\n"), ("docs/readme.md", "a\n")))
            .ShouldBe(["docs/read\\u200cme.md: differs only in invisible characters (or case) from docs/readme.md (the two are one file on macOS)"]);
    }

    [TestCase("docs/.gitmodules")]
    [TestCase("docs/deep/.GITMODULES")]
    [TestCase("docs/.gitmodules. ")]
    [TestCase("docs/GITMOD~1")]
    [TestCase("docs/gi7eba~3")]
    [TestCase(".gitmodules")]
    public void A_symbolic_link_read_as_gitmodules_is_refused_in_any_folder(string path)
    {
        var link = new TreeFile(path, TreeFileMode.Symlink, "link", () => "../../etc/passwd"u8.ToArray());

        ExampleTree.Problems(ExampleTree.WithFile(link)).ShouldContain(
            $"{path}: must be a regular file, not a symbolic link: git reads .gitmodules only as a regular file and refuses to check out a tree with such a link");
    }

    [TestCase("docs/.gitattributes", ".gitattributes")]
    [TestCase("docs/.gitignore", ".gitignore")]
    [TestCase(".mailmap", ".mailmap")]
    public void A_symbolic_link_for_another_file_git_reads_is_refused(string path, string file)
    {
        var link = new TreeFile(path, TreeFileMode.Symlink, "link", () => "elsewhere"u8.ToArray());

        ExampleTree.Problems(ExampleTree.WithFile(link)).ShouldBe([$"{path}: must be a regular file, not a symbolic link: git reads {file} only as a regular file"]);
    }

    [TestCase("nodes/entry/README.md", TreeFileMode.Symlink, "a symbolic link")]
    [TestCase("state/core-1/notes.md", TreeFileMode.Submodule, "a submodule")]
    [TestCase(".sigil/conflicts/state/core-1/entries/e-7/0123456789abcdef.json", TreeFileMode.Symlink, "a symbolic link")]
    [TestCase("nodes/core/README", TreeFileMode.Submodule, "a submodule")]
    public void A_link_or_submodule_where_records_live_is_refused(string path, TreeFileMode mode, string what)
    {
        var link = new TreeFile(path, mode, "0123456789abcdef0123456789abcdef01234567", () => "../sigil.yaml"u8.ToArray());

        ExampleTree.Problems(ExampleTree.WithFile(link)).ShouldContain(
            $"{path}: must be a regular file, not {what}: nodes/, state/ and .sigil/ hold data that every clone reads the same way");
    }

    [TestCase("docs/current", TreeFileMode.Symlink)]
    [TestCase("vendor/tools", TreeFileMode.Submodule)]
    public void Links_and_submodules_elsewhere_are_fine(string path, TreeFileMode mode)
    {
        var link = new TreeFile(path, mode, "0123456789abcdef0123456789abcdef01234567", () => "README.md"u8.ToArray());

        ExampleTree.Problems(ExampleTree.WithFile(link)).ShouldBeEmpty();
    }
}
