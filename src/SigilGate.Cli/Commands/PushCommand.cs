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
        usage: sigil push --node ID --workdir CLONE

        Mirrors the node's area of etcd (<prefix>/state/ID/) into the clone: one read of the area;
        if nothing changed since the last successful run, exits at once. Otherwise writes the
        changed records (and their versions) into the clone, commits, pushes, and on rejection
        runs 'git pull --rebase' and decides again by the version vectors, with bounded retries.
        A record etcd holds that is not valid is reported and skipped; the others still go through.
        Configuration: CLONE/sigil.json (and /etc/sigil/sigil.json, SIGIL_<SECTION>__<KEY>).
        Exit: 0 pushed or nothing to do, 1 gave up or skipped an invalid record, 2 error.
        """;

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment) =>
        CommandRunner.RunAsync(CommandName.Push, Help, args, output, new Reporter(error), environment, async run =>
        {
            var reporter = run.Reporter;
            var parsed = run.Parse(["--node", "--workdir"], []);
            var node = parsed.Required("--node");
            if (!RecordPath.IsValidId(node)) throw new ArgumentException($"--node {node}: ids must match {RecordPath.IdPattern()}");
            var workdir = parsed.RequiredPath("--workdir");
            if (!Directory.Exists(Path.Combine(workdir, ".git"))) throw new ArgumentException($"--workdir {workdir} is not a git clone");

            using var held = await FileLock.TryAcquireAsync(Path.Combine(workdir, ".git", "sigil-push.lock"), TimeSpan.Zero).ConfigureAwait(false);
            if (held is null)
            {
                reporter.Line($"another sigil push is running in {workdir}; nothing done");
                return ExitCode.Ok;
            }

            // Read only now: a run that finds another one working does nothing, whatever its settings.
            var settings = run.Settings(workdir);
            await using var store = EtcdStoreFactory.Create(settings.Etcd);
            var pusher = new NodeMirror(node, store, new WorkingClone(workdir, settings.Sigil.Branch, node, reporter.Line), new MirrorJournalFile(workdir, reporter.Line), new KeyLayout(settings.Sigil.Prefix), TimeProvider.System, reporter.Line)
            {
                Limits = settings.Etcd.Limits,
            };
            return Report(await pusher.RunAsync().ConfigureAwait(false), reporter);
        });

    private static ExitCode Report(MirrorReport report, Reporter reporter)
    {
        if (report.Result == MirrorResult.Refused) ServerLines.Indented(report.RemoteMessages).ToList().ForEach(reporter.Line);
        var problems = report.Problems.ToList();
        foreach (var problem in problems) reporter.Line($"error: {problem} (etcd value not pushed)");
        foreach (var outcome in report.Pushed) reporter.Line($"{Describe(outcome.Kind)} {outcome.Path.Path}");
        reporter.Line(report.Result switch
        {
            MirrorResult.Idle => $"nothing changed in etcd since the last run (revision {report.Revision})",
            MirrorResult.NothingToPush => $"git already holds the node's area (etcd revision {report.Revision})",
            MirrorResult.Pushed => $"pushed {Reporter.Count(report.Pushed.Count(), "record")} from etcd revision {report.Revision}",
            MirrorResult.Refused => "error: the push was refused by the server (not a race, not retried); its reasons are above",
            _ => $"gave up after {report.Attempts} rejected pushes; the next run tries again",
        });
        return report.Result is MirrorResult.GaveUp or MirrorResult.Refused || problems.Count > 0 ? ExitCode.Rejected : ExitCode.Ok;
    }

    private static string Describe(MirrorOutcomeKind kind) => kind switch
    {
        MirrorOutcomeKind.Deleted => "deleted",
        MirrorOutcomeKind.KeptLoser => "kept conflict loser",
        MirrorOutcomeKind.ConflictEtcdWon => "conflict (etcd's version won, git's kept):",
        MirrorOutcomeKind.ConflictGitWon => "conflict (git's version won, etcd's kept):",
        _ => "mirrored",
    };
}
