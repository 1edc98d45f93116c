using SigilGate.Domain.Apply;
using SigilGate.Domain.Configuration;
using SigilGate.Domain.Git;
using SigilGate.Domain.Store;
using SigilGate.Etcd;
using SigilGate.Git;
using SigilGate.Workflows.Apply;
using SigilGate.Workflows;

namespace SigilGate.Cli.Commands;

/// <summary>
/// Applies the protected branch of a bare repository to etcd, as post-receive and
/// <c>sigil apply</c> both do. One apply at a time per repository (a lock file beside it).
/// </summary>
internal static class ApplyRun
{
    public const string LockFile = "sigil-apply.lock";

    /// <summary>The tip etcd now holds and the commits applied to reach it; null when the work stays pending (already reported).</summary>
    /// <param name="pushed">The branch update post-receive was told of: its old commit is most likely what etcd holds.</param>
    /// <param name="lineEachStep">Print a line per commit applied and per conflict kept (not for <c>sigil apply --json</c>, whose document says it).</param>
    public static async Task<ApplyRunResult?> RunAsync(string gitDir, Settings settings, Reporter reporter, TimeSpan lockWait, RefUpdate? pushed = null, bool lineEachStep = true, CancellationToken cancellationToken = default)
    {
        using var held = await FileLock.TryAcquireAsync(Path.Combine(gitDir, LockFile), lockWait, cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            reporter.Line("another apply is running for this repository; it will pick up this push (or run 'sigil apply')");
            return null;
        }

        CrashPoint.Reach("apply.locked");

        // etcd's first call spends about 5 ms on set-up before etcd is asked; meanwhile the
        // repository is opened and the pushed commit planned (read, parsed, validated).
        await using var connection = BackgroundConnection.Start(settings.Etcd, cancellationToken);
        var (repository, notes) = GitRepositories.OpenForWriting(gitDir, pushed);
        using var _ = repository;
        var tip = repository.BranchTip(settings.Sigil.Branch);
        if (tip is null) return new ApplyRunResult(null, []);

        var planner = new StepPlanner(repository);
        if (pushed is not null) planner.PlanAhead(pushed.Old, tip);

        var store = await connection.StoreAsync().ConfigureAwait(false);
        var keys = new KeyLayout(settings.Sigil.Prefix);
        var applier = new Applier(repository, store, keys, settings.Etcd.Limits, TimeProvider.System, planner);
        var steps = await applier.ApplyAsync(tip, notes, report => Describe(report, keys, reporter, lineEachStep), cancellationToken).ConfigureAwait(false);
        return new ApplyRunResult(tip, steps);
    }

    private static void Describe(StepReport report, KeyLayout keys, Reporter reporter, bool lineEachStep)
    {
        if (lineEachStep)
        {
            var put = report.KeysPut.Count;
            var deleted = report.KeysDeleted.Count;
            reporter.Line($"applied {report.Commit.ShortSha} to etcd at revision {report.Revision}: {put} put, {deleted} deleted");
            foreach (var conflict in report.Conflicts) reporter.Line(OperationText.Describe(conflict, keys));
            foreach (var key in report.Resolved) reporter.Line($"resolved conflict: removed the kept loser {key}");
        }

        // Warnings stay on standard error either way, as sigil drift --json's do.
        foreach (var path in report.Skipped) reporter.Line($"warning: {path} does not validate and was not applied (run 'sigil validate')");
    }
}
