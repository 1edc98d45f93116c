using SigilGate.Cli.Configuration;
using SigilGate.Git;
using SigilGate.Domain.Configuration;
using SigilGate.Domain.Gate;
using SigilGate.Workflows.Gate;
using SigilGate.Domain.Git;
using SigilGate.Workflows.Ports;
using SigilGate.Domain.Access;
using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary>The pre-receive hook: checks the push and rejects it with every problem found.</summary>
public static class PreReceiveCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter error, IReadOnlyDictionary<string, string?> environment)
    {
        if (HelpText.Requested(args))
        {
            await error.WriteLineAsync(HelpText.PreReceive).ConfigureAwait(false);
            return (int)ExitCode.Ok;
        }

        GitRepositories.Preload();
        var reporter = Reporter.ForHook(error, environment);
        try
        {
            var gitDir = Path.GetFullPath(environment.GetValueOrDefault("GIT_DIR") ?? ".");
            var settings = SettingsLoader.Load(gitDir, environment);
            var parsed = RefUpdate.ParseAll(await input.ReadToEndAsync().ConfigureAwait(false), out var malformed);
            var updates = SymbolicRefs.Resolved(gitDir, parsed);
            foreach (var line in malformed) reporter.Rejection($"error: unexpected hook input line: {line}");
            if (malformed.Count > 0) return (int)ExitCode.Rejected;

            var identity = IdentitySources.Resolve(environment, settings.Sigil.IdentityVariable);
            var push = new ReceivedPush(updates, identity, ProcessEnvironment.PushOptions(environment));
            using var repository = GitRepositories.Open(gitDir, environment);
            var verdict = new ReceiveGate(repository, settings.Sigil).Check(push);
            foreach (var notice in verdict.Notices) reporter.Line(notice);
            if (!verdict.Accepted)
            {
                reporter.Errors(verdict.Errors, "push rejected");
                foreach (var hint in verdict.Hints) reporter.Rejection(hint);
                return (int)ExitCode.Rejected;
            }

            if (push.IsDryRun)
            {
                await DryRun.PrintAsync(repository, settings, updates, reporter).ConfigureAwait(false);
                reporter.Rejection("dry run: push rejected, nothing was changed");
                return (int)ExitCode.Rejected;
            }

            return (int)ExitCode.Ok;
        }
        catch (Exception exception) when (exception is SettingsException or GitReadException or OverflowException or IOException or LibGit2Sharp.LibGit2SharpException)
        {
            // A push that cannot be checked is not accepted.
            reporter.Rejection($"error: {exception.Message}");
            reporter.Rejection("push rejected: the push could not be checked");
            return (int)ExitCode.Rejected;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A defect must not show the pusher a stack trace, and a push that cannot be checked is not accepted.
            reporter.Rejection($"error: internal error ({exception.GetType().Name}): {SigilGate.Domain.Yaml.MessageText.OneLine(exception.Message)}");
            reporter.Rejection("push rejected: the push could not be checked");
            return (int)ExitCode.Rejected;
        }
    }
}
