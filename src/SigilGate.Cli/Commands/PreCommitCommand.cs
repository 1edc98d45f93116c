using SigilGate.Git;
using SigilGate.Domain.Validation;
using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary>The pre-commit client hook: the server's validation, on the staged tree.</summary>
public static class PreCommitCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter error, IReadOnlyDictionary<string, string?> environment)
    {
        if (HelpText.Requested(args))
        {
            await error.WriteLineAsync(HelpText.PreCommit).ConfigureAwait(false);
            return (int)ExitCode.Ok;
        }

        var reporter = new Reporter(error);
        try
        {
            var tree = StagedTree.Read(environment.GetValueOrDefault("GIT_DIR") ?? Directory.GetCurrentDirectory(), environment.GetValueOrDefault("GIT_INDEX_FILE"));
            var result = TreeValidator.Validate(tree);
            if (result.IsValid) return (int)ExitCode.Ok;
            reporter.Errors(result.Diagnostics, "commit rejected");
            return (int)ExitCode.Rejected;
        }
        catch (Exception exception) when (exception is GitReadException or IOException or LibGit2Sharp.LibGit2SharpException)
        {
            reporter.Line($"error: {exception.Message}");
            return (int)ExitCode.Rejected;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A defect must not show a stack trace; the commit is stopped, as for any problem.
            reporter.Line($"error: internal error ({exception.GetType().Name}): {SigilGate.Domain.Yaml.MessageText.OneLine(exception.Message)}");
            return (int)ExitCode.Rejected;
        }
    }
}
