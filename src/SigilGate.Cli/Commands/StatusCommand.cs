using SigilGate.Domain.Status;
using SigilGate.Domain.Store;
using SigilGate.Etcd;
using SigilGate.Git;
using SigilGate.Workflows.Failures;
using SigilGate.Workflows.Status;

namespace SigilGate.Cli.Commands;

/// <summary><c>sigil status --repo BARE [--json]</c>: the operator's one-screen view of Git, etcd and the Core nodes, changing nothing.</summary>
internal static class StatusCommand
{
    public const string Help = """
        usage: sigil status --repo BARE [--json]

        One line per fact: the protected branch's tip; the commit etcd holds as applied, with its etcd
        revision and time; the commits still pending; etcd's members and leader, or why it cannot be
        read; drift counts by kind; kept conflicts by area with the oldest's age; for each Core node
        of the tip's nodes/core/, when its last 'sigil push' reached Git (its Sigil-Node commits,
        searched among the last 5000 commits). Then the verdict.

        Nothing is written, not even drift's first-seen times ('sigil drift' keeps those). When etcd
        cannot be read, the Git side is still shown and etcd's line says why.

          --json   one JSON document on standard output instead, "schema": 1 first (see docs/status.md)

        Exit: 0 applied = tip and nothing pending, drifting or kept; 1 something needs attention
        (etcd unreachable included); 2 error (not a bare repository, bad settings, damaged bookkeeping).
        """;

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment) =>
        CommandRunner.RunAsync(CommandName.Status, Help, args, output, new Reporter(error), environment, async run =>
        {
            var parsed = run.Parse([RepositoryOption.Name], ["--json"]);
            var (repo, settings) = RepositoryOption.Read(run, parsed);

            using var repository = GitRepositories.Open(repo, new Dictionary<string, string?>());
            await using var store = EtcdStoreFactory.Create(settings.Etcd);
            var check = new StatusCheck(repository, store, new KeyLayout(settings.Sigil.Prefix), settings.Sigil.Branch, settings.Etcd.Limits, TimeProvider.System);
            var report = await check.RunAsync().ConfigureAwait(false);

            var lines = parsed.Flag("--json") ? [StatusJson.Write(report)] : StatusText.Lines(report);
            foreach (var line in lines) await run.Output.WriteLineAsync(line).ConfigureAwait(false);
            return report.Ok ? ExitCode.Ok : ExitCode.Rejected;
        });
}
