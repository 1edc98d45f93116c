namespace SigilGate.Testing.Model;

/// <summary>
/// Merges that discard one side with <c>git merge -s ours</c>. From an old main, merging main
/// that way keeps the old tree: main's changes since (Core nodes' mirror commits included) vanish
/// from the tip, by a commit that has main as a parent, so it has seen them and its older records
/// win over them. The opposite shape, main merging the operator's old-main commit that way,
/// keeps main's tree: the operator's edit never reaches a tip and must never reach etcd.
/// </summary>
public static class DiscardingMerges
{
    public enum Keep { OldMain, Main }

    public static async Task MergeOursAsync(ModelContext model, Keep keep)
    {
        var git = model.Stale;
        await git.MustAsync("fetch", "--quiet", "origin", "main").ConfigureAwait(false);
        var behind = await git.MustAsync("rev-list", "--count", "HEAD..origin/main").ConfigureAwait(false);
        var alsoSeen = new List<RecordValue>();

        // Half the time (always when main is kept) the operator has an edit of their own on the old main.
        if (keep == Keep.Main || model.Random.Next(2) == 0)
        {
            var atTip = await git.RecordsAtAsync("origin/main").ConfigureAwait(false);
            var path = model.Pick((await git.RecordsAtAsync().ConfigureAwait(false)).Intersect(atTip).ToList());
            alsoSeen.Add(await model.EditAsync(git, path).ConfigureAwait(false));
            await git.CommitAsync($"edit {path} on an old main").ConfigureAwait(false);
            model.Log.Line($"  edit {path} on a main {behind} commits behind");
        }

        string[] merge;
        if (keep == Keep.OldMain)
        {
            merge = ["merge", "--no-edit", "-s", "ours", "origin/main"];
            model.Log.Line($"  git merge -s ours origin/main on a main {behind} commits behind: main's changes since vanish");
        }
        else
        {
            var mine = await git.MustAsync("rev-parse", "HEAD").ConfigureAwait(false);
            await git.MustAsync("checkout", "--quiet", "-B", "main", "origin/main").ConfigureAwait(false);
            merge = ["merge", "--no-edit", "-s", "ours", mine];
            model.Log.Line($"  on main, git merge -s ours {mine[..8]}: the old-main edit vanishes");
        }

        if ((await git.RunAsync(merge).ConfigureAwait(false)).ExitCode != 0)
        {
            model.Log.Line("  the merge failed; dropped");
            await git.SyncAsync().ConfigureAwait(false);
            return;
        }

        await HistoryEdits.PushChangedSinceAsync(model, git, "origin/main", "merge -s ours, keeping " + keep, alsoSeen).ConfigureAwait(false);
    }
}
