using SigilGate.Domain.Configuration;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Store;
using SigilGate.Etcd;
using SigilGate.Git;
using SigilGate.Workflows.Drift;
using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary><c>sigil drift --repo BARE [--json] [--metrics-file F]</c>: lists differences between etcd and the branch tip.</summary>
internal static class DriftCommand
{
    public const string Help = """
        usage: sigil drift --repo BARE [--json] [--metrics-file F]

        Compares every data key under the prefix with the records of the protected branch's tip and
        prints one line per difference with how long it has been so, then a summary. Kinds:
        changed-in-etcd, missing-in-etcd, only-in-etcd, pending-node-write (a Core node's change
        waiting for its 'sigil push'), conflict-loser (a kept losing version), apply-pending.
        First-seen times are kept in etcd under <prefix>/.sigil/drift/.

          --json             one JSON document on standard output instead, "schema": 1 first (see docs/drift.md)
          --metrics-file F   also write Prometheus metrics to F, atomically (node_exporter textfile
                             collector), sigil_build_info first; written with sigil_up 0 when etcd or
                             the repository cannot be read

        Exit: 0 in sync, 1 drift, 2 error (etcd unreachable is an error, never "in sync").
        """;

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment) =>
        CommandRunner.RunAsync(CommandName.Drift, Help, args, output, new Reporter(error), environment, async run =>
        {
            var reporter = run.Reporter;
            var parsed = run.Parse(["--repo", "--metrics-file"], ["--json"]);
            var metricsFile = parsed.Value("--metrics-file");
            if (metricsFile is not null) run.OnFailure(() => WriteDown(metricsFile, reporter));
            var (repo, settings) = RepositoryOption.Read(run, parsed);

            var report = await CheckAsync(repo, settings).ConfigureAwait(false);
            if (report.LedgerProblem is { } problem) reporter.Line($"warning: first-seen times not recorded ({problem}); ages count from now");
            foreach (var suffix in report.Snapshot.Git.Unreadable.Order(StringComparer.Ordinal)) reporter.Line($"warning: {suffix}.yaml does not validate at the branch tip; not compared (run 'sigil validate')");
            if (metricsFile is not null) MetricsFile.Write(metricsFile, DriftMetrics.Render(report, VersionText.Build));

            var lines = parsed.Flag("--json") ? [DriftJson.Write(report)] : DriftText.Lines(report);
            foreach (var line in lines) await run.Output.WriteLineAsync(line).ConfigureAwait(false);
            return report.InSync ? ExitCode.Ok : ExitCode.Rejected;
        });

    private static async Task<DriftReport> CheckAsync(string repo, Settings settings)
    {
        using var repository = GitRepositories.Open(repo, new Dictionary<string, string?>());
        await using var store = EtcdStoreFactory.Create(settings.Etcd);
        var check = new DriftCheck(repository, store, new KeyLayout(settings.Sigil.Prefix), settings.Sigil.Branch, settings.Etcd.Limits, TimeProvider.System, GitRepositories.KnownRecords(repo));
        return await check.RunAsync().ConfigureAwait(false);
    }

    /// <summary>A failed check still writes its metrics file, saying so (sigil_up 0), so the alert fires rather than the last good values lingering.</summary>
    private static void WriteDown(string metricsFile, Reporter reporter)
    {
        try
        {
            MetricsFile.Write(metricsFile, DriftMetrics.RenderDown(TimeProvider.System.GetUtcNow(), VersionText.Build));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The run has failed already (exit 2); this only adds that its metrics could not say so.
            reporter.Line($"error: cannot write {metricsFile}: {exception.Message}");
        }
    }
}
