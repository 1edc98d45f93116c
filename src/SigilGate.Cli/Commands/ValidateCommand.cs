using SigilGate.Git;
using SigilGate.Domain.Validation;
using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary><c>sigil validate [DIR]</c>: the server's validation on a checkout (CI use).</summary>
internal static class ValidateCommand
{
    public const string Help = """
        usage: sigil validate [DIR]

        Validates the network repository checked out in DIR (default: the current directory) with
        the same rules and messages as the pre-receive hook.
        Exit: 0 valid, 1 invalid, 2 error.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (HelpText.Requested(args))
        {
            await output.WriteLineAsync(Help).ConfigureAwait(false);
            return (int)ExitCode.Ok;
        }

        var reporter = new Reporter(error);
        try
        {
            var parsed = Arguments.Parse(args, [], []);
            if (parsed.Positional.Count > 1) throw new ArgumentException("at most one directory");
            var directory = parsed.Positional.Count == 1 ? parsed.Positional[0] : ".";
            var result = TreeValidator.Validate(DirectorySnapshot.Read(directory));
            if (result.IsValid)
            {
                await output.WriteLineAsync($"sigil: {directory}: valid ({Reporter.Count(result.Records.Count, "record")})").ConfigureAwait(false);
                return (int)ExitCode.Ok;
            }

            reporter.Errors(result.Diagnostics, "invalid");
            return (int)ExitCode.Rejected;
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or UnauthorizedAccessException)
        {
            reporter.Line($"error: {exception.Message}");
            return (int)ExitCode.Error;
        }
    }
}
