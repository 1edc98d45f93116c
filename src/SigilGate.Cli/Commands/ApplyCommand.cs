using SigilGate.Domain.Apply;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary><c>sigil apply --repo BARE [--json]</c>: applies pending commits (cron catch-up after an etcd outage).</summary>
internal static class ApplyCommand
{
    public const string Help = """
        usage: sigil apply --repo BARE [--json]

        Applies every commit of the protected branch not yet applied to etcd (as post-receive
        does), waiting for a running apply to finish first. Safe to run at any time, e.g. from cron.

          --json   one JSON document on standard output instead of the lines on standard error,
                   "schema": 1 first: each commit applied with its etcd revision, counts of keys put
                   and deleted and of conflicts, and each conflict kept (see docs/commands.md)

        Exit: 0 done (etcd holds the branch tip), 2 error (etcd unreachable: still pending).
        """;

    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(5);

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment) =>
        CommandRunner.RunAsync(CommandName.Apply, Help, args, output, new Reporter(error), environment, async run =>
        {
            var parsed = run.Parse([RepositoryOption.Name], ["--json"]);
            var (repo, settings) = RepositoryOption.Read(run, parsed);
            var json = parsed.Flag("--json");
            var applied = await ApplyRun.RunAsync(repo, settings, run.Reporter, LockWait, lineEachStep: !json).ConfigureAwait(false);
            if (applied is null) return ExitCode.Error;
            if (json) await run.Output.WriteLineAsync(ApplyJson.Write(new KeyLayout(settings.Sigil.Prefix), settings.Sigil.Branch, applied.Tip, applied.Steps)).ConfigureAwait(false);
            return ExitCode.Ok;
        });
}
