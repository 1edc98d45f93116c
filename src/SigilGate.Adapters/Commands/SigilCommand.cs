namespace SigilGate.Adapters.Commands;

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
        return args[0] switch
        {
            "validate" => await ValidateCommand.RunAsync(rest, output, error).ConfigureAwait(false),
            "apply" => await ApplyCommand.RunAsync(rest, output, error, environment).ConfigureAwait(false),
            "push" => await PushCommand.RunAsync(rest, output, error, environment).ConfigureAwait(false),
            "reconcile" => await ReconcileCommand.RunAsync(rest, output, error, environment).ConfigureAwait(false),
            "drift" => await DriftCommand.RunAsync(rest, output, error, environment).ConfigureAwait(false),
            _ => Unknown(args[0], error),
        };
    }

    private static int Unknown(string verb, TextWriter error)
    {
        new Reporter(error).Line($"error: unknown command '{verb}' (see 'sigil --help')");
        return (int)ExitCode.Error;
    }
}
