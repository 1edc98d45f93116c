using SigilGate.Domain.Access;
using SigilGate.Domain.Gate;
using SigilGate.Domain.Git;
using SigilGate.Git;
using SigilGate.Workflows.Failures;
using SigilGate.Workflows.Gate;

namespace SigilGate.Cli.Commands;

/// <summary>The pre-receive hook: checks the push and rejects it with every problem found.</summary>
public static class PreReceiveCommand
{
    /// <remarks>A push that cannot be checked is rejected (exit 1): see <see cref="FailureTable"/>.</remarks>
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter error, IReadOnlyDictionary<string, string?> environment) =>
        CommandRunner.RunAsync(CommandName.PreReceive, HelpText.PreReceive, args, error, Reporter.ForHook(error, environment), environment, async run =>
        {
            // git passes no arguments; one given by hand is not silently ignored (it rejects, as any failure here).
            run.Parse([], []);
            GitRepositories.Preload();
            var reporter = run.Reporter;
            var gitDir = run.HookGitDir;
            var settings = run.Settings(gitDir);
            var parsed = RefUpdate.ParseAll(await input.ReadToEndAsync().ConfigureAwait(false), out var malformed);
            var updates = SymbolicRefs.Resolved(gitDir, parsed);
            foreach (var line in malformed) reporter.Rejection($"error: unexpected hook input line: {line}");
            if (malformed.Count > 0) return ExitCode.Rejected;

            var identity = IdentitySources.Resolve(environment, settings.Sigil.IdentityVariable);
            var push = new ReceivedPush(updates, identity, ProcessEnvironment.PushOptions(environment));
            using var repository = GitRepositories.Open(gitDir, environment);
            var verdict = new ReceiveGate(repository, settings.Sigil, GitRepositories.NodeIndexes(gitDir), GitRepositories.ReceivedChanges(gitDir)).Check(push);
            foreach (var notice in verdict.Notices) reporter.Line(notice);
            if (!verdict.Accepted)
            {
                reporter.Errors(verdict.Errors, "push rejected");
                foreach (var hint in verdict.Hints) reporter.Rejection(hint);
                return ExitCode.Rejected;
            }

            if (push.IsDryRun)
            {
                await DryRun.PrintAsync(repository, settings, updates, reporter).ConfigureAwait(false);
                reporter.Rejection("dry run: push rejected, nothing was changed");
                return ExitCode.Rejected;
            }

            return ExitCode.Ok;
        });
}
