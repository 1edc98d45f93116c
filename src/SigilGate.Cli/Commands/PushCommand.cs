using SigilGate.Cli.Configuration;
using SigilGate.Etcd;
using SigilGate.Git;
using SigilGate.Domain.Apply;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Apply;
using SigilGate.Domain.Git;
using SigilGate.Workflows.Ports;
using SigilGate.Domain.Mirror;
using SigilGate.Workflows.Mirror;
using SigilGate.Domain.Records;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Versioning;
using SigilGate.Workflows.Failures;

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

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment)
    {
        if (HelpText.Requested(args))
        {
            await output.WriteLineAsync(Help).ConfigureAwait(false);
            return (int)ExitCode.Ok;
        }

        var reporter = new Reporter(error);
        try
        {
            var parsed = Arguments.Parse(args, ["--node", "--workdir"], []);
            var node = parsed.Required("--node");
            if (!RecordPath.IsValidId(node)) throw new ArgumentException($"--node {node}: ids must match {RecordPath.IdPattern()}");
            var workdir = Path.GetFullPath(parsed.Required("--workdir"));
            if (!Directory.Exists(Path.Combine(workdir, ".git"))) throw new ArgumentException($"--workdir {workdir} is not a git clone");

            using var held = await FileLock.TryAcquireAsync(Path.Combine(workdir, ".git", "sigil-push.lock"), TimeSpan.Zero).ConfigureAwait(false);
            if (held is null)
            {
                reporter.Line($"another sigil push is running in {workdir}; nothing done");
                return (int)ExitCode.Ok;
            }

            var settings = SettingsLoader.Load(workdir, environment);
            await using var store = EtcdStoreFactory.Create(settings.Etcd);
            var pusher = new NodeMirror(node, store, new WorkingClone(workdir, settings.Sigil.Branch, node, reporter.Line), new MirrorJournalFile(workdir, reporter.Line), new KeyLayout(settings.Sigil.Prefix), TimeProvider.System, reporter.Line)
            {
                Limits = settings.Etcd.Limits,
            };
            var report = await pusher.RunAsync().ConfigureAwait(false);
            return Report(report, reporter);
        }
        catch (RemoteRefusedException refused)
        {
            // Not a race: the server does not let this node in. Its own lines say why.
            ShowServerLines(refused.ServerMessages, reporter);
            reporter.Line("error: the remote refused this node's access (not retried): check its key or credentials and the server's access rules");
            return (int)ExitCode.Rejected;
        }
        catch (Exception exception) when (exception is ArgumentException or SettingsException or StoreException or GitReadException or OverflowException or SigilGate.Domain.Git.UnreadableCommitException or GitCommandException or IOException or InvalidOperationException or LibGit2Sharp.LibGit2SharpException)
        {
            reporter.Line($"error: {exception.Message}");
            return (int)ExitCode.Error;
        }
    }

    private static int Report(MirrorReport report, Reporter reporter)
    {
        if (report.Result == MirrorResult.Refused) ShowServerLines(report.RemoteMessages, reporter);
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
        return (int)(report.Result is MirrorResult.GaveUp or MirrorResult.Refused || problems.Count > 0 ? ExitCode.Rejected : ExitCode.Ok);
    }

    /// <summary>The server's lines as git relayed them (<c>remote: sigil: error: ...</c>, ssh's and gitolite's refusals).</summary>
    private static void ShowServerLines(string messages, Reporter reporter)
    {
        foreach (var line in messages.Split('\n'))
        {
            var text = line.TrimEnd();
            if (text.Length > 0) reporter.Line("  " + text);
        }
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
