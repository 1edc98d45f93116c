using SigilGate.Domain.Git;
using SigilGate.Git;
using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary>The post-receive hook: applies accepted commits to etcd; never fails the push.</summary>
public static class PostReceiveCommand
{
    // Pushes in quick succession queue behind the running apply rather than each waiting on etcd.
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    /// <remarks>Whatever fails, the push stays accepted (exit 0) and its apply pending: see <see cref="FailureTable"/>.</remarks>
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter error, IReadOnlyDictionary<string, string?> environment) =>
        CommandRunner.RunAsync(CommandName.PostReceive, HelpText.PostReceive, args, error, new Reporter(error), environment, async run =>
        {
            // git passes no arguments; one given by hand applies nothing and says so (see FailureTable).
            run.Parse([], []);
            GitRepositories.Preload();
            var gitDir = run.HookGitDir;
            var settings = run.Settings(gitDir);
            var updates = SymbolicRefs.Resolved(gitDir, RefUpdate.ParseAll(await input.ReadToEndAsync().ConfigureAwait(false), out _));
            var update = updates.FirstOrDefault(u => u.IsBranch(settings.Sigil.Branch) && !u.IsDelete);
            if (update is null) return ExitCode.Ok;

            run.PendingCommit = update.NewSha;
            await ApplyRun.RunAsync(gitDir, settings, run.Reporter, LockWait, update).ConfigureAwait(false);
            return ExitCode.Ok;
        });
}
