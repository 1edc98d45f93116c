using System.Text.RegularExpressions;
using SigilGate.Testing.Git;

namespace SigilGate.EndToEnd.Tests.Commands;

/// <summary>
/// <c>--version</c> of every published executable and <c>sigil version</c>: one line on standard
/// output naming the build's version and commit, read from nothing but the executable itself.
/// </summary>
public partial class VersionSpecs
{
    private static readonly string[] Executables = ["pre-receive", "post-receive", "pre-commit", "sigil"];

    private string _directory = null!;

    [GeneratedRegex("""^(?<name>[a-z-]+) (?<version>\d+\.\d+\.\d+)\+(?<commit>[0-9a-f]{7,}(?:-dirty)?)\n$""")]
    private static partial Regex VersionLine();

    // Not a repository, no settings, an etcd that does not exist: --version must need none of them.
    [SetUp]
    public void CreateEmptyDirectory() => _directory = TempDirectories.Create("sigil-version-");

    [TearDown]
    public void RemoveDirectory() => TempDirectories.Delete(_directory);

    private Task<ProcessResult> RunAsync(string executable, params string[] args) =>
        Processes.RunAsync(SigilBinaries.Path(executable), args, _directory, new Dictionary<string, string?>
        {
            ["GIT_DIR"] = Path.Combine(_directory, "missing.git"),
            ["SIGIL_ETCD__ENDPOINTS"] = "http://127.0.0.1:1",
        }, input: "");

    [TestCaseSource(nameof(Executables))]
    public async Task Each_executable_prints_its_name_version_and_commit_on_one_line(string executable)
    {
        var result = await RunAsync(executable, "--version");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardError.ShouldBeEmpty();
        var line = VersionLine().Match(result.StandardOutput);
        line.Success.ShouldBeTrue(result.ToString());
        line.Groups["name"].Value.ShouldBe(executable);
    }

    [Test]
    public async Task Every_executable_names_the_same_build()
    {
        var builds = new List<string>();
        foreach (var executable in Executables)
        {
            var output = (await RunAsync(executable, "--version")).StandardOutput;
            output.ShouldStartWith(executable + " ");
            builds.Add(output[(executable.Length + 1)..]);
        }

        builds.Distinct().ShouldHaveSingleItem(string.Join(", ", builds));
    }

    [Test]
    public async Task The_version_is_the_suites_and_the_commit_one_of_the_repository()
    {
        var line = VersionLine().Match((await RunAsync("sigil", "--version")).StandardOutput);
        line.Success.ShouldBeTrue();
        var root = SigilBinaries.RepositoryRoot();

        var props = await File.ReadAllTextAsync(Path.Combine(root, "Directory.Build.props"));
        line.Groups["version"].Value.ShouldBe(Regex.Match(props, "<VersionPrefix>(.*)</VersionPrefix>").Groups[1].Value);
        var commit = line.Groups["commit"].Value.Replace("-dirty", "", StringComparison.Ordinal);
        var known = await Processes.RunAsync("git", ["cat-file", "-e", commit + "^{commit}"], root, new Dictionary<string, string?>());
        known.ExitCode.ShouldBe(0, $"{commit} is not a commit of {root}: {known}");
    }

    [Test]
    public async Task Sigil_version_is_sigil_dash_dash_version()
    {
        var version = await RunAsync("sigil", "version");

        version.ExitCode.ShouldBe(0, version.ToString());
        version.StandardError.ShouldBeEmpty();
        version.StandardOutput.ShouldBe((await RunAsync("sigil", "--version")).StandardOutput);
    }

    [Test]
    public async Task A_sigil_command_asked_for_its_version_prints_it_and_does_nothing_else()
    {
        var drift = await RunAsync("sigil", "drift", "--repo", Path.Combine(_directory, "missing.git"), "--version");

        (drift.ExitCode, drift.StandardError).ShouldBe((0, ""), drift.ToString());
        drift.StandardOutput.ShouldBe((await RunAsync("sigil", "--version")).StandardOutput);
    }

    [Test]
    public async Task Sigil_version_takes_no_argument()
    {
        var version = await RunAsync("sigil", "version", "extra");

        version.ExitCode.ShouldBe(2);
        version.StandardOutput.ShouldBeEmpty();
        version.StandardError.ShouldBe("sigil: error: unexpected argument extra (see 'sigil version --help')\n");
    }

    [TestCaseSource(nameof(Executables))]
    public async Task Each_executables_help_mentions_version(string executable)
    {
        var help = await RunAsync(executable, "--help");

        help.ExitCode.ShouldBe(0, help.ToString());
        (help.StandardOutput + help.StandardError).ShouldContain("--version");
    }
}
