using System.Diagnostics;
using SigilGate.Domain.Mirror;
using SigilGate.Domain.Records;
using SigilGate.Domain.Store;
using SigilGate.Etcd;
using SigilGate.Git;
using SigilGate.Workflows.Failures;
using SigilGate.Workflows.Mirror;

namespace SigilGate.Cli.Commands;

/// <summary><c>sigil push --node ID --workdir CLONE</c>: the Core node pusher, run from cron.</summary>
internal static class PushCommand
{
    public const string Help = """
        usage: sigil push --node ID --workdir CLONE [--dry-run] [--json] [--metrics-file F]

        Mirrors the node's area of etcd (<prefix>/state/ID/) into the clone: one read of the area;
        if nothing changed since the last successful run, exits at once. Otherwise writes the
        changed records (and their versions) into the clone, commits, pushes, and on rejection
        runs 'git pull --rebase' and pushes again (deciding again by the version vectors when
        the new tip changed the node's own files), with random pauses, for up to 50 s; then gives up.
        A record etcd holds that is not valid is reported and skipped; the others still go through.
        Every line starts with the UTC time and the node: 2026-12-06T05:20:01Z sigil push ID: ...
        Configuration: CLONE/sigil.json (and /etc/sigil/sigil.json, SIGIL_<SECTION>__<KEY>).

          --dry-run          print each record it would commit (created, updated, deleted) and the
                             commit message; no fetch, commit, push, journal or etcd write
          --json             also print the run as one JSON document on standard output, "schema": 1 first
          --metrics-file F   write Prometheus metrics for the node to F, atomically (node_exporter
                             textfile collector), sigil_build_info first; also when the run fails

        Exit: 0 pushed, nothing to do or dry run, 1 gave up or skipped an invalid record, 2 error.
        """;

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment)
    {
        var clock = TimeProvider.System;
        var log = new PushLog(error, clock);
        return CommandRunner.RunAsync(CommandName.Push, Help, args, output, new Reporter(log), environment, async run =>
        {
            var startedAt = clock.GetUtcNow();
            var elapsed = Stopwatch.StartNew();
            var reporter = run.Reporter;
            var parsed = run.Parse(["--node", "--workdir", "--metrics-file"], ["--dry-run", "--json"]);
            var node = parsed.Required("--node");
            if (!RecordPath.IsValidId(node)) throw new ArgumentException($"--node {node}: ids must match {RecordPath.IdPattern()}");
            log.Node = node;
            var dryRun = parsed.Flag("--dry-run");
            var json = parsed.Flag("--json");

            // A dry run changes nothing, its metrics file included.
            var metricsFile = dryRun ? null : parsed.Value("--metrics-file");
            MirrorRun Finished(MirrorReport? report) => new(node, startedAt, elapsed.Elapsed, report);
            run.OnFailure(() =>
            {
                var failed = Finished(null);
                if (metricsFile is not null) WriteMetrics(metricsFile, failed, reporter);
                if (json) run.Output.WriteLine(MirrorJson.Write(failed, dryRun));
            });

            var workdir = parsed.RequiredPath("--workdir");
            if (!Directory.Exists(Path.Combine(workdir, ".git"))) throw new ArgumentException($"--workdir {workdir} is not a git clone");

            using var held = await FileLock.TryAcquireAsync(Path.Combine(workdir, ".git", "sigil-push.lock"), TimeSpan.Zero).ConfigureAwait(false);
            if (held is null)
            {
                // The run that holds the lock writes the metrics file; this one has nothing to tell it.
                reporter.Line($"another sigil push is running in {workdir}; nothing done");
                return ExitCode.Ok;
            }

            // Read only now: a run that finds another one working does nothing, whatever its settings.
            var settings = run.Settings(workdir);
            await using var store = EtcdStoreFactory.Create(settings.Etcd);
            var pusher = new NodeMirror(node, store, new WorkingClone(workdir, settings.Sigil.Branch, node, reporter.Line), new MirrorJournalFile(workdir, reporter.Line), new KeyLayout(settings.Sigil.Prefix), clock, reporter.Line)
            {
                Limits = settings.Etcd.Limits,
                DryRun = dryRun,
            };
            var report = await pusher.RunAsync().ConfigureAwait(false);
            var code = Report(report, reporter);
            var finished = Finished(report);
            if (metricsFile is not null) MetricsFile.Write(metricsFile, MirrorMetrics.Render(finished, ReadPrevious(metricsFile), VersionText.Build));
            if (json) await run.Output.WriteLineAsync(MirrorJson.Write(finished, dryRun)).ConfigureAwait(false);
            return dryRun ? ExitCode.Ok : code;
        });
    }

    private static ExitCode Report(MirrorReport report, Reporter reporter)
    {
        if (report.Result == MirrorResult.Refused) ServerLines.Indented(report.RemoteMessages).ToList().ForEach(reporter.Line);
        var problems = report.Problems.ToList();
        foreach (var problem in problems) reporter.Line($"error: {problem} (etcd value not pushed)");
        var dryRun = report.Result == MirrorResult.WouldPush ? "dry run: " : "";
        foreach (var outcome in report.Pushed) reporter.Line($"{dryRun}{Describe(outcome)} {outcome.Path.Path}");
        if (report.CommitMessage is { } message)
        {
            reporter.Line("dry run: the commit message would be:");
            foreach (var line in message.TrimEnd('\n').Split('\n')) reporter.Line(("  " + line).TrimEnd());
        }

        reporter.Line(report.Result switch
        {
            MirrorResult.Idle => $"nothing changed in etcd since the last run (revision {report.Revision})",
            MirrorResult.NothingToPush => $"git already holds the node's area (etcd revision {report.Revision})",
            MirrorResult.Pushed => $"pushed {Reporter.Count(report.Pushed.Count(), "record")} from etcd revision {report.Revision}",
            MirrorResult.WouldPush => $"dry run: would push {Reporter.Count(report.Pushed.Count(), "record")} from etcd revision {report.Revision}; nothing was changed",
            MirrorResult.Refused => "error: the push was refused by the server (not a race, not retried); its reasons are above",
            _ => $"gave up after {report.Attempts} rejected pushes; the next run tries again",
        });
        return report.Result is MirrorResult.GaveUp or MirrorResult.Refused || problems.Count > 0 ? ExitCode.Rejected : ExitCode.Ok;
    }

    private static string Describe(MirrorOutcome outcome) => outcome.Kind switch
    {
        MirrorOutcomeKind.KeptLoser => "kept conflict loser",
        MirrorOutcomeKind.ConflictEtcdWon => "conflict (etcd's version won, git's kept):",
        MirrorOutcomeKind.ConflictGitWon => "conflict (git's version won, etcd's kept):",
        _ => MirrorChanges.Name(MirrorChanges.Of(outcome)),
    };

    /// <summary>The last run's file, for its last success time; a missing or unreadable one counts as none.</summary>
    private static string? ReadPrevious(string metricsFile)
    {
        try
        {
            return File.Exists(metricsFile) ? File.ReadAllText(metricsFile) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A failed run still writes its metrics file (result "error"), so a stuck pusher shows rather than its last good values lingering.</summary>
    private static void WriteMetrics(string metricsFile, MirrorRun run, Reporter reporter)
    {
        try
        {
            MetricsFile.Write(metricsFile, MirrorMetrics.Render(run, ReadPrevious(metricsFile), VersionText.Build));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The run has failed already (exit 2); this only adds that its metrics could not say so.
            reporter.Line($"error: cannot write {metricsFile}: {exception.Message}");
        }
    }
}
