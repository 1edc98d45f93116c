namespace SigilGate.Testing.Model;

/// <summary>
/// <c>git merge --squash</c> of a branch made on an old main: on main, the branch's edits become
/// one ordinary commit (a conflict resolved taking one side), with no trace of the branch's
/// commits in main's history.
/// </summary>
public static class SquashMerges
{
    public static async Task SquashOldMainAsync(ModelContext model)
    {
        var git = model.Stale;
        await git.MustAsync("fetch", "--quiet", "origin", "main").ConfigureAwait(false);
        var behind = await git.MustAsync("rev-list", "--count", "HEAD..origin/main").ConfigureAwait(false);
        var atTip = await git.RecordsAtAsync("origin/main").ConfigureAwait(false);
        var candidates = (await git.RecordsAtAsync().ConfigureAwait(false)).Intersect(atTip).ToList();
        var paths = new HashSet<string>(StringComparer.Ordinal) { model.Pick(candidates) };
        if (model.Random.Next(2) == 0) paths.Add(model.Pick(candidates));
        var seen = new List<RecordValue>();
        foreach (var path in paths)
        {
            seen.Add(await model.EditAsync(git, path).ConfigureAwait(false));
            await git.CommitAsync($"edit {path} on an old main").ConfigureAwait(false);
        }

        var branch = await git.MustAsync("rev-parse", "HEAD").ConfigureAwait(false);
        var keep = model.Random.Next(3) == 0 ? "ours" : "theirs";
        model.Log.Line($"  edit {string.Join(", ", paths)} on a main {behind} commits behind, then on main git merge --squash (a conflict keeps {keep})");
        await git.MustAsync("checkout", "--quiet", "-B", "main", "origin/main").ConfigureAwait(false);
        var squash = await git.RunAsync("merge", "--squash", branch).ConfigureAwait(false);
        if (squash.ExitCode != 0 && !await git.ResolveAsync(keep).ConfigureAwait(false))
        {
            model.Log.Line("  the squash cannot be resolved; dropped");
            await git.SyncAsync().ConfigureAwait(false);
            return;
        }

        if ((await git.RunAsync("diff", "--cached", "--quiet").ConfigureAwait(false)).ExitCode == 0)
        {
            model.Log.Line("  the squash changes nothing; dropped");
            await git.SyncAsync().ConfigureAwait(false);
            return;
        }

        await git.CommitAsync("squashed: " + string.Join(", ", paths)).ConfigureAwait(false);
        await HistoryEdits.PushChangedSinceAsync(model, git, "origin/main", "squash", seen).ConfigureAwait(false);
    }
}
