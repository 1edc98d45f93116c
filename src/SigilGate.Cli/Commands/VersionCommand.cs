using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary><c>sigil version</c> and <c>sigil --version</c>: the version line, and nothing that could fail.</summary>
internal static class VersionCommand
{
    public const string Help = """
        usage: sigil version   (or: sigil --version)

        Prints one line on standard output, 'sigil <version>+<commit>': the suite's version and the
        short id of the commit the executables were built from ('-dirty' when that checkout had
        uncommitted changes, 'unknown' when it was built outside git). Every executable (pre-receive,
        post-receive, pre-commit, sigil) takes --version.
        Exit: 0.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> rest, TextWriter output, TextWriter error)
    {
        if (HelpText.Requested(rest))
        {
            await output.WriteLineAsync(Help).ConfigureAwait(false);
            return (int)ExitCode.Ok;
        }

        if (rest.Any(a => a != VersionText.Option))
        {
            new Reporter(error).Line($"error: unexpected argument {rest.First(a => a != VersionText.Option)} (see 'sigil version --help')");
            return (int)ExitCode.Error;
        }

        await output.WriteLineAsync(VersionText.Build.Line("sigil")).ConfigureAwait(false);
        return (int)ExitCode.Ok;
    }
}
