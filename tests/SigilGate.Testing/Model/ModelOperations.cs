namespace SigilGate.Testing.Model;

/// <summary>The table of steps and their weights, and the weighted draw.</summary>
public static class ModelOperations
{
    public static readonly IReadOnlyList<ModelOperation> All =
    [
        new("edit", "operator edit on main", 5, OperatorEdits.EditOnTipAsync),
        new("entry", "operator adds or deletes an Entry", 1, OperatorEdits.AddOrDeleteEntryAsync),
        new("same-second", "two commits in one second", 2, OperatorEdits.SameSecondAsync),
        new("backdated", "backdated commit", 1, OperatorEdits.BackdatedAsync),
        new("merge-mine-first", "old main, git pull (merge, operator's commit first)", 2, m => HistoryEdits.OnOldMainAsync(m, HistoryEdits.Bring.MergeOperatorFirst)),
        new("merge-main-first", "old main, merged into main (main first)", 1, m => HistoryEdits.OnOldMainAsync(m, HistoryEdits.Bring.MergeMainFirst)),
        new("rebase", "old main, git pull --rebase", 1, m => HistoryEdits.OnOldMainAsync(m, HistoryEdits.Bring.Rebase)),
        new("revert", "git revert of a recent commit", 2, HistoryEdits.RevertRecentAsync),
        new("cherry-pick", "git cherry-pick of an old commit", 1, HistoryEdits.CherryPickOldAsync),
        new("amend", "amended commit", 1, HistoryEdits.AmendAsync),
        new("revert-merge", "git revert -m 1 or -m 2 of a recent merge", 1, MergeReverts.RevertMergeAsync),
        new("ours-old", "old main, git merge -s ours origin/main (main's changes since vanish)", 1, m => DiscardingMerges.MergeOursAsync(m, DiscardingMerges.Keep.OldMain)),
        new("ours-main", "on main, git merge -s ours of an old-main commit (its edit vanishes)", 1, m => DiscardingMerges.MergeOursAsync(m, DiscardingMerges.Keep.Main)),
        new("squash", "old-main branch, git merge --squash into main", 1, SquashMerges.SquashOldMainAsync),
        new("restore", "git checkout <old commit> -- state/<core>/ or one record, then push", 1, Restores.RestoreFromOldCommitAsync),
        new("octopus", "octopus merge of two branches made on old mains", 1, OctopusMerges.OctopusAsync),
        new("reconcile", "sigil reconcile (Git wins, keeping what it overwrites)", 1, Reconciles.ReconcileAsync),
        new("raw", "raw etcd write by a node agent", 5, NodeActivity.RawWriteAsync),
        new("push", "sigil push", 3, NodeActivity.PushAsync),
        new("kill", "sigil push killed, then run again", 1, NodeActivity.KilledPushAsync),
        new("race", "sigil push racing an operator push", 1, NodeActivity.RaceAsync),
        new("resolve", "sigil conflicts resolve of a kept loser", 1, ConflictDecisions.ResolveAsync),
    ];

    /// <summary>Draws a step among those not skipped (by id).</summary>
    public static ModelOperation Draw(Random random, IReadOnlyCollection<string> skip)
    {
        var allowed = All.Where(o => !skip.Contains(o.Id)).ToList();
        var ticket = random.Next(allowed.Sum(o => o.Weight));
        foreach (var operation in allowed)
        {
            if (ticket < operation.Weight) return operation;
            ticket -= operation.Weight;
        }

        throw new InvalidOperationException("unreachable: the weights add up");
    }
}
