namespace SigilGate.Testing.Model;

/// <summary>The table of steps and their weights, and the weighted draw.</summary>
public static class ModelOperations
{
    public static readonly IReadOnlyList<ModelOperation> All =
    [
        new("operator edit on main", 5, OperatorEdits.EditOnTipAsync),
        new("operator adds or deletes an Entry", 1, OperatorEdits.AddOrDeleteEntryAsync),
        new("two commits in one second", 2, OperatorEdits.SameSecondAsync),
        new("backdated commit", 1, OperatorEdits.BackdatedAsync),
        new("old main, git pull (merge, operator's commit first)", 2, m => HistoryEdits.OnOldMainAsync(m, HistoryEdits.Bring.MergeOperatorFirst)),
        new("old main, merged into main (main first)", 1, m => HistoryEdits.OnOldMainAsync(m, HistoryEdits.Bring.MergeMainFirst)),
        new("old main, git pull --rebase", 1, m => HistoryEdits.OnOldMainAsync(m, HistoryEdits.Bring.Rebase)),
        new("git revert of a recent commit", 2, HistoryEdits.RevertRecentAsync),
        new("git cherry-pick of an old commit", 1, HistoryEdits.CherryPickOldAsync),
        new("amended commit", 1, HistoryEdits.AmendAsync),
        new("raw etcd write by a node agent", 5, NodeActivity.RawWriteAsync),
        new("sigil push", 3, NodeActivity.PushAsync),
        new("sigil push killed, then run again", 1, NodeActivity.KilledPushAsync),
        new("sigil push racing an operator push", 1, NodeActivity.RaceAsync),
    ];

    public static ModelOperation Draw(Random random)
    {
        var ticket = random.Next(All.Sum(o => o.Weight));
        foreach (var operation in All)
        {
            if (ticket < operation.Weight) return operation;
            ticket -= operation.Weight;
        }

        throw new InvalidOperationException("unreachable: the weights add up");
    }
}
