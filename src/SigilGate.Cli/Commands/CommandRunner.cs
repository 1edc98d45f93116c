using SigilGate.Git;
using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary>
/// Every command and hook runs through here: its help or version line, then its body, and whatever
/// the body throws is turned into lines and an exit code by <see cref="FailureTable"/>.
/// </summary>
internal static class CommandRunner
{
    /// <param name="output">Where the help goes (and the body's own output): standard output for sigil, standard error for the hooks.</param>
    public static async Task<int> RunAsync(
        CommandName command,
        string help,
        IReadOnlyList<string> args,
        TextWriter output,
        Reporter reporter,
        IReadOnlyDictionary<string, string?> environment,
        Func<CommandRun, Task<ExitCode>> body)
    {
        if (HelpText.Requested(args))
        {
            await output.WriteLineAsync(help).ConfigureAwait(false);
            return (int)ExitCode.Ok;
        }

        if (VersionText.Requested(args))
        {
            // Standard output for every executable, though a hook's output is standard error; before
            // anything of the body (settings, repository, etcd): hooks run on every push.
            var standardOutput = VersionText.IsHook(command) ? Console.Out : output;
            await standardOutput.WriteLineAsync(VersionText.Line(command)).ConfigureAwait(false);
            return (int)ExitCode.Ok;
        }

        var run = new CommandRun(args, output, reporter, environment);
        try
        {
            return (int)await body(run).ConfigureAwait(false);
        }
        catch (Exception exception) when (FailureTable.Catches(command, exception))
        {
            var kind = FailureTable.Kind(exception);
            var outcome = FailureTable.Outcome(command, kind, exception, new FailureContext(run.PendingCommit, () => OwnerAdvice(args)));

            // A failure's lines say why the work was not done: pre-receive's reporter also gives them to GitLab.
            foreach (var line in outcome.Lines) reporter.Rejection(line);
            run.Failed();
            return (int)outcome.Code;
        }
    }

    /// <summary>Who owns the <c>--repo</c> repository and how to run as them; null without one.</summary>
    private static string? OwnerAdvice(IReadOnlyList<string> args)
    {
        var at = args.Take(args.Count - 1).ToList().IndexOf("--repo");
        var repository = at < 0 ? null : args[at + 1];
        return repository is not null && Directory.Exists(repository) ? RepositoryOwner.Explain(Path.GetFullPath(repository)).Message : null;
    }
}
