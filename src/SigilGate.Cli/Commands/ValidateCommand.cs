using SigilGate.Domain.Validation;
using SigilGate.Git;
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

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment) =>
        CommandRunner.RunAsync(CommandName.Validate, Help, args, output, new Reporter(error), environment, async run =>
        {
            var parsed = run.Parse([], [], positional: 1);
            var directory = parsed.Positional.Count == 1 ? parsed.Positional[0] : ".";
            NetworkCheckout.Check(directory);
            var result = TreeValidator.Validate(DirectorySnapshot.Read(directory));
            if (result.IsValid)
            {
                await run.Output.WriteLineAsync($"sigil: {directory}: valid ({Reporter.Count(result.Records.Count, "record")})").ConfigureAwait(false);
                return ExitCode.Ok;
            }

            run.Reporter.Errors(result.Diagnostics, "invalid");
            return ExitCode.Rejected;
        });
}
