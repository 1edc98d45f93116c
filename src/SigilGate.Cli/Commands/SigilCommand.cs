using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary>The <c>sigil</c> command line: dispatches to one command per verb (each runs through <see cref="CommandRunner"/>).</summary>
public static class SigilCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            await (args.Count == 0 ? error : output).WriteLineAsync(HelpText.Sigil).ConfigureAwait(false);
            return (int)(args.Count == 0 ? ExitCode.Error : ExitCode.Ok);
        }

        if (args[0] is VersionText.Option or "version") return await VersionCommand.RunAsync(args.Skip(1).ToList(), output, error).ConfigureAwait(false);

        var rest = args.Skip(1).ToList();
        return await (args[0] switch
        {
            "validate" => ValidateCommand.RunAsync(rest, output, error, environment),
            "apply" => ApplyCommand.RunAsync(rest, output, error, environment),
            "push" => PushCommand.RunAsync(rest, output, error, environment),
            "reconcile" => ReconcileCommand.RunAsync(rest, output, error, environment),
            "drift" => DriftCommand.RunAsync(rest, output, error, environment),
            "status" => StatusCommand.RunAsync(rest, output, error, environment),
            "conflicts" => ConflictsCommand.RunAsync(rest, output, error, environment),
            "explain" => ExplainCommand.RunAsync(rest, output, error, environment),
            _ => Task.FromResult(Unknown(args[0], error)),
        }).ConfigureAwait(false);
    }

    private static int Unknown(string verb, TextWriter error)
    {
        new Reporter(error).Line($"error: unknown command '{verb}' (see 'sigil --help')");
        return (int)ExitCode.Error;
    }
}
