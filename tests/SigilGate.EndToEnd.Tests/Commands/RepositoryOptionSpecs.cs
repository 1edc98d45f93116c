
namespace SigilGate.EndToEnd.Tests.Commands;

/// <summary>--repo must name a bare repository that holds the protected branch; anything else is a clear error (exit 2).</summary>
public sealed class RepositoryOptionSpecs : HookedRepository
{
    private Task<ProcessResult> SigilAloneAsync(params string[] arguments) =>
        Processes.RunAsync(Path.Combine(Bare.Binaries, "sigil"), arguments, Bare.Path, Environment.Variables);

    private static string OneErrorLine(ProcessResult result) => result.StandardError.TrimEnd('\n').Split('\n').ShouldHaveSingleItem();

    private static string[] Everything(string folder) =>
        [.. Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    [TestCase("drift")]
    [TestCase("apply")]
    [TestCase("reconcile")]
    public async Task A_clone_with_a_work_tree_is_refused_and_nothing_is_written_into_it(string verb)
    {
        await PushBaseNetworkAsync();
        var before = Everything(Clone.Path);

        var result = await SigilAloneAsync(verb, "--repo", Clone.Path);

        result.ExitCode.ShouldBe(2, result.ToString());
        OneErrorLine(result).ShouldBe($"sigil: error: --repo {Clone.Path} is a clone with a work tree, not a bare repository: name the server's bare repository, the one whose hooks run sigil");
        Everything(Clone.Path).ShouldBe(before);
    }

    [Test]
    public async Task The_git_folder_of_a_clone_is_refused_too()
    {
        var result = await SigilAloneAsync("drift", "--repo", Path.Combine(Clone.Path, ".git"));

        result.ExitCode.ShouldBe(2, result.ToString());
        OneErrorLine(result).ShouldContain("is a clone with a work tree, not a bare repository");
    }

    [Test]
    public async Task A_missing_path_a_file_and_a_plain_folder_are_each_named()
    {
        var file = Path.Combine(Clone.Path, "notes.txt");
        File.WriteAllText(file, "x\n");
        var folder = Path.Combine(Clone.Path, "plain");
        Directory.CreateDirectory(folder);

        var missing = await SigilAloneAsync("drift", "--repo", "/nonexistent/net.git");
        var aFile = await SigilAloneAsync("drift", "--repo", file);
        var plain = await SigilAloneAsync("drift", "--repo", folder);

        (missing.ExitCode, aFile.ExitCode, plain.ExitCode).ShouldBe((2, 2, 2));
        OneErrorLine(missing).ShouldBe("sigil: error: --repo /nonexistent/net.git: no such directory");
        OneErrorLine(aFile).ShouldBe($"sigil: error: --repo {file} is a file, not a bare repository");
        OneErrorLine(plain).ShouldBe($"sigil: error: {folder} is not a git repository (a bare repository such as /srv/git/network.git is expected)");
    }

    [TestCase("drift")]
    [TestCase("apply")]
    [TestCase("reconcile")]
    [TestCase("status")]
    public async Task A_protected_branch_the_repository_does_not_have_is_an_error_naming_the_branches_it_has(string verb)
    {
        await PushBaseNetworkAsync();
        var environment = Environment.With(("SIGIL_SIGIL__BRANCH", "mian"));

        var result = await Processes.RunAsync(Path.Combine(Bare.Binaries, "sigil"), [verb, "--repo", Bare.Path], Bare.Path, environment);

        result.ExitCode.ShouldBe(2, result.ToString());
        OneErrorLine(result).ShouldBe($"sigil: error: the protected branch mian (Sigil:Branch) does not exist in {Bare.Path}; its branches are main; did you mean main?");
        result.StandardOutput.ShouldBeEmpty();
    }

    [Test]
    public async Task An_empty_repository_before_its_first_push_is_not_a_misspelt_branch()
    {
        var result = await SigilAloneAsync("apply", "--repo", Bare.Path);

        result.ExitCode.ShouldBe(0, result.ToString());
    }
}
