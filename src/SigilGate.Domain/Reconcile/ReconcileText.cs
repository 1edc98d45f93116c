using System.Globalization;

namespace SigilGate.Domain.Reconcile;

/// <summary>The output of <c>sigil reconcile</c>: a header, one line per key (as pre-receive's dry run prints operations), a closing line.</summary>
public static class ReconcileText
{
    public static string Line(ReconcileAction action)
    {
        var kept = action.KeptAt is null ? "" : $"; etcd's value kept at {action.KeptAt}";
        var d = action.Difference;
        return action.Kind switch
        {
            ReconcileActionKind.Put => $"put {action.Key} {action.Json}{kept}",
            ReconcileActionKind.Delete => $"delete {action.Key}{kept}",
            _ => $"leave {action.Key}: pending node write of {d.Core} (etcd {d.EtcdVersion?.Vector} has seen {(d.GitVersion is null ? "all git has" : "git " + d.GitVersion.Vector)}); --force overwrites it",
        };
    }

    public static string Header(ReconcilePlan plan, bool dryRun)
    {
        var target = $"etcd {plan.Snapshot.Keys.Prefix} to {plan.Snapshot.Git.Branch} at {plan.Tip.ShortSha}";
        var counts = $"{Count(plan.Changes.Count, "change")} ({plan.Puts} put, {plan.Deletes} delete)"
            + (plan.LeftAlone.Count > 0 ? $", {plan.LeftAlone.Count} left alone" : "");
        return dryRun ? $"sigil: dry run: reconcile of {target} would make {counts}:" : $"sigil: reconcile of {target}: {counts}:";
    }

    public static IEnumerable<string> Lines(ReconcilePlan plan, bool dryRun) =>
        plan.IsNothingToDo && plan.LeftAlone.Count == 0
            ? [$"sigil: etcd {plan.Snapshot.Keys.Prefix} already holds {plan.Snapshot.Git.Branch} at {plan.Tip.ShortSha}: nothing to do"]
            : plan.Actions.Select(a => "  " + Line(a)).Prepend(Header(plan, dryRun));

    public static string Done(ReconcilePlan plan, long revision) =>
        $"sigil: reconciled: {plan.Puts} put, {plan.Deletes} deleted, {plan.Kept} kept under {plan.Snapshot.Keys.ConflictsRoot}; applied pointer at {plan.Tip.ShortSha} (etcd revision {revision})";

    public static string MassDelete(ReconcilePlan plan, double share) =>
        $"reconcile would delete {plan.Deletes} of {plan.DataKeys} data keys ({Percent(plan.DeleteShare)}), more than Sigil:MassDeleteShare allows ({Percent(share)}); "
        + "check the branch, the prefix and the repository, then run again with --allow-mass-delete if this is intended";

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
