using SigilGate.Cli.Configuration;
using SigilGate.Etcd;
using SigilGate.Git;
using SigilGate.Domain.Apply;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Apply;
using SigilGate.Domain.Drift;
using SigilGate.Workflows.Drift;
using SigilGate.Workflows.Ports;
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

          --json             one JSON document on standard output instead (see docs/drift.md)
          --metrics-file F   also write Prometheus metrics to F, atomically (node_exporter textfile
                             collector); written with sigil_up 0 when etcd or the repository cannot be read

        Exit: 0 in sync, 1 drift, 2 error (etcd unreachable is an error, never "in sync").
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment)
    {
        if (HelpText.Requested(args))
        {
            await output.WriteLineAsync(Help).ConfigureAwait(false);
            return (int)ExitCode.Ok;
        }

        var reporter = new Reporter(error);
        string? metricsFile = null;
        try
        {
            var parsed = Arguments.Parse(args, ["--repo", "--metrics-file"], ["--json"]);
            metricsFile = parsed.Value("--metrics-file");
            var repo = Path.GetFullPath(parsed.Required("--repo"));
            if (parsed.Positional.Count > 0) throw new ArgumentException($"unexpected argument {parsed.Positional[0]}");

            var report = await CheckAsync(repo, environment).ConfigureAwait(false);
            if (report.LedgerProblem is { } problem) reporter.Line($"warning: first-seen times not recorded ({problem}); ages count from now");
            foreach (var suffix in report.Snapshot.Git.Unreadable.Order(StringComparer.Ordinal)) reporter.Line($"warning: {suffix}.yaml does not validate at the branch tip; not compared (run 'sigil validate')");
            if (metricsFile is not null) MetricsFile.Write(metricsFile, DriftMetrics.Render(report));

            var lines = parsed.Flag("--json") ? [DriftJson.Write(report)] : DriftText.Lines(report);
            foreach (var line in lines) await output.WriteLineAsync(line).ConfigureAwait(false);
            return (int)(report.InSync ? ExitCode.Ok : ExitCode.Rejected);
        }
        catch (StoreUnavailableException exception)
        {
            reporter.Line($"error: {exception.Message}: drift unknown (etcd could not be read, which is not 'in sync')");
            return Down(metricsFile, reporter);
        }
        catch (Exception exception) when (exception is ArgumentException or SettingsException or StoreException or GitReadException or OverflowException or SigilGate.Domain.Git.UnreadableCommitException or IOException or UnauthorizedAccessException or LibGit2Sharp.LibGit2SharpException)
        {
            reporter.Line($"error: {exception.Message}");
            return Down(metricsFile, reporter);
        }
    }

    private static async Task<DriftReport> CheckAsync(string repo, IReadOnlyDictionary<string, string?> environment)
    {
        var settings = SettingsLoader.Load(repo, environment);
        using var repository = GitRepositories.Open(repo, new Dictionary<string, string?>());
        await using var store = EtcdStoreFactory.Create(settings.Etcd);
        var check = new DriftCheck(repository, store, new KeyLayout(settings.Sigil.Prefix), settings.Sigil.Branch, settings.Etcd.Limits, TimeProvider.System);
        return await check.RunAsync().ConfigureAwait(false);
    }

    /// <summary>A failed check still writes its metrics file, saying so (sigil_up 0), so the alert fires rather than the last good values lingering.</summary>
    private static int Down(string? metricsFile, Reporter reporter)
    {
        if (metricsFile is null) return (int)ExitCode.Error;
        try
        {
            MetricsFile.Write(metricsFile, DriftMetrics.RenderDown(TimeProvider.System.GetUtcNow()));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            reporter.Line($"error: cannot write {metricsFile}: {exception.Message}");
        }

        return (int)ExitCode.Error;
    }
}
