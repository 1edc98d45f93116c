using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary>The <c>sigil</c> command line: dispatches to one command per verb.</summary>
public static class SigilCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            await (args.Count == 0 ? error : output).WriteLineAsync(HelpText.Sigil).ConfigureAwait(false);
            return (int)(args.Count == 0 ? ExitCode.Error : ExitCode.Ok);
        }

        var rest = args.Skip(1).ToList();
        try
        {
            return await DispatchAsync(args[0], rest, output, error, environment).ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException exception)
        {
            // Most often the repository (its lock or notes) belongs to another account: say which.
            var repository = RepositoryArgument(rest);
            var reason = repository is not null && Directory.Exists(repository) ? Git.RepositoryOwner.Explain(Path.GetFullPath(repository)).Message : "run it as an account that may write there";
            new Reporter(error).Line($"error: {SigilGate.Domain.Yaml.MessageText.OneLine(exception.Message)}: {reason}");
            return (int)ExitCode.Error;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A defect must not end in a stack trace: one line, and the exit code of an error.
            new Reporter(error).Line($"error: internal error ({exception.GetType().Name}): {SigilGate.Domain.Yaml.MessageText.OneLine(exception.Message)}");
            return (int)ExitCode.Error;
        }
    }

    private static string? RepositoryArgument(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == "--repo") return args[i + 1];
        }

        return null;
    }

    private static async Task<int> DispatchAsync(string verb, IReadOnlyList<string> rest, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment)
    {
        return verb switch
        {
            "validate" => await ValidateCommand.RunAsync(rest, output, error).ConfigureAwait(false),
            "apply" => await ApplyCommand.RunAsync(rest, output, error, environment).ConfigureAwait(false),
            "push" => await PushCommand.RunAsync(rest, output, error, environment).ConfigureAwait(false),
            "reconcile" => await ReconcileCommand.RunAsync(rest, output, error, environment).ConfigureAwait(false),
            "drift" => await DriftCommand.RunAsync(rest, output, error, environment).ConfigureAwait(false),
            _ => Unknown(verb, error),
        };
    }

    private static int Unknown(string verb, TextWriter error)
    {
        new Reporter(error).Line($"error: unknown command '{verb}' (see 'sigil --help')");
        return (int)ExitCode.Error;
    }
}
