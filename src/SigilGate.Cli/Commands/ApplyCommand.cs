using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary><c>sigil apply --repo BARE</c>: applies pending commits (cron catch-up after an etcd outage).</summary>
internal static class ApplyCommand
{
    public const string Help = """
        usage: sigil apply --repo BARE

        Applies every commit of the protected branch not yet applied to etcd (as post-receive
        does), waiting for a running apply to finish first. Safe to run at any time, e.g. from cron.
        Exit: 0 done (etcd holds the branch tip), 2 error (etcd unreachable: still pending).
        """;

    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(5);

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment) =>
        CommandRunner.RunAsync(CommandName.Apply, Help, args, output, new Reporter(error), environment, async run =>
        {
            var (repo, settings) = RepositoryOption.Read(run, run.Parse(["--repo"], []));
            var done = await ApplyRun.RunAsync(repo, settings, run.Reporter, LockWait).ConfigureAwait(false);
            return done ? ExitCode.Ok : ExitCode.Error;
        });
}
