namespace SigilGate.Testing.Model;

/// <summary>
/// <c>git revert -m 1</c> (or <c>-m 2</c>) of one of the last merge commits of main: the tree goes
/// back, for every record the merge brought in from the other parent, to what the kept parent
/// held, Core nodes' mirror commits included when the merge brought them in.
/// </summary>
public static class MergeReverts
{
    public static async Task RevertMergeAsync(ModelContext model)
    {
        var git = model.Fresh;
        await git.SyncAsync().ConfigureAwait(false);
        var log = await git.MustAsync("log", "--merges", "-n", "4", "--format=%H%x1f%s", "HEAD").ConfigureAwait(false);
        var merges = log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\x1f')).Where(p => p.Length == 2).ToList();
        if (merges.Count == 0)
        {
            model.Log.Line("  no merge on main yet");
            return;
        }

        var target = model.Pick(merges);
        var mainline = model.Random.Next(2) + 1;
        model.Log.Line($"  git revert -m {mainline} {target[0][..8]} ({target[1]})");
        // A conflict (main changed a record since) is resolved taking the revert's side, as for a cherry-pick.
        var revert = await git.RunAsync("revert", "--no-edit", "-m", mainline.ToString(System.Globalization.CultureInfo.InvariantCulture), target[0]).ConfigureAwait(false);
        if (revert.ExitCode != 0 && !(await git.ResolveAsync("theirs").ConfigureAwait(false) && await git.ContinueAsync("revert").ConfigureAwait(false)))
        {
            model.Log.Line("  the revert is empty or cannot be resolved; dropped");
            await git.SyncAsync().ConfigureAwait(false);
            return;
        }

        // The person reverting has seen main as they fetched it: the revert's parent.
        await HistoryEdits.PushChangedSinceAsync(model, git, "HEAD~1", $"revert -m {mainline}").ConfigureAwait(false);
    }
}
