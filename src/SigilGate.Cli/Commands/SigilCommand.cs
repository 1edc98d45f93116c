using SigilGate.Domain.Diagnostics;
using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary>The <c>sigil</c> command line: dispatches to one command per verb (each runs through <see cref="CommandRunner"/>).</summary>
public static class SigilCommand
{
    private delegate Task<int> Verb(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment);

    /// <summary>Every verb but <c>version</c> (which needs nothing): the one list a mistyped verb is matched against.</summary>
    private static readonly Dictionary<string, Verb> Verbs = new(StringComparer.Ordinal)
    {
        ["validate"] = ValidateCommand.RunAsync,
        ["apply"] = ApplyCommand.RunAsync,
        ["push"] = PushCommand.RunAsync,
        ["reconcile"] = ReconcileCommand.RunAsync,
        ["drift"] = DriftCommand.RunAsync,
        ["status"] = StatusCommand.RunAsync,
        ["conflicts"] = ConflictsCommand.RunAsync,
        ["explain"] = ExplainCommand.RunAsync,
    };

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            await (args.Count == 0 ? error : output).WriteLineAsync(HelpText.Sigil).ConfigureAwait(false);
            return (int)(args.Count == 0 ? ExitCode.Error : ExitCode.Ok);
        }

        if (args[0] is VersionText.Option or "version") return await VersionCommand.RunAsync(args.Skip(1).ToList(), output, error).ConfigureAwait(false);

        if (!Verbs.TryGetValue(args[0], out var verb)) return Unknown(args[0], error);
        return await verb(args.Skip(1).ToList(), output, error, environment).ConfigureAwait(false);
    }

    /// <summary>A mistyped verb names the one most likely meant (<c>valdiate</c>: <c>validate</c>), as a mistyped option does.</summary>
    private static int Unknown(string verb, TextWriter error)
    {
        var nearest = NearestName.Find(verb, [.. Verbs.Keys, "version", "help"]);
        var hint = nearest is null ? "see 'sigil --help'" : $"did you mean '{nearest}'?";
        new Reporter(error).Line($"error: unknown command '{verb}' ({hint})");
        return (int)ExitCode.Error;
    }
}
