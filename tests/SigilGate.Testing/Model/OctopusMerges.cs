namespace SigilGate.Testing.Model;

/// <summary>
/// An octopus merge: two operator branches, each made on an old main with an edit of its own,
/// merged with main in one commit of three parents (main first, or the operator's first). Git
/// refuses an octopus that conflicts; that change is dropped.
/// </summary>
public static class OctopusMerges
{
    public static async Task OctopusAsync(ModelContext model)
    {
        var git = model.Stale;
        await git.MustAsync("fetch", "--quiet", "origin", "main").ConfigureAwait(false);
        var depth = int.Parse(await git.MustAsync("rev-list", "--count", "--first-parent", "origin/main").ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        if (depth < 2)
        {
            model.Log.Line("  main has no older commit to branch from");
            return;
        }

        var second = $"origin/main~{model.Random.Next(1, Math.Min(depth, 12))}";
        var seen = new List<RecordValue>();
        var (first, firstPath) = await EditOnAsync(model, git, "HEAD", seen).ConfigureAwait(false);
        var (other, otherPath) = await EditOnAsync(model, git, second, seen).ConfigureAwait(false);
        if (first is null || other is null)
        {
            await git.SyncAsync().ConfigureAwait(false);
            return;
        }

        var mainFirst = model.Random.Next(2) == 0;
        model.Log.Line($"  octopus of {firstPath} (on the old main) and {otherPath} (on {second}), {(mainFirst ? "main" : "the operator's branch")} first");
        await git.MustAsync("checkout", "--quiet", "-B", "main", mainFirst ? "origin/main" : first).ConfigureAwait(false);
        string[] merge = mainFirst ? ["merge", "--no-edit", first, other] : ["merge", "--no-edit", "origin/main", other];
        if ((await git.RunAsync(merge).ConfigureAwait(false)).ExitCode != 0)
        {
            model.Log.Line("  the octopus conflicts; dropped");
            await git.SyncAsync().ConfigureAwait(false);
            return;
        }

        await HistoryEdits.PushChangedSinceAsync(model, git, "origin/main", "octopus", seen).ConfigureAwait(false);
    }

    // Edits one record (one the tip has, best one main has not changed since) on a branch made at
    // `start`; the branch's commit, or null when there is no record to edit.
    private static async Task<(string? Commit, string Path)> EditOnAsync(ModelContext model, OperatorGit git, string start, List<RecordValue> seen)
    {
        await git.MustAsync("checkout", "--quiet", "--detach", start).ConfigureAwait(false);
        var atTip = await git.RecordsAtAsync("origin/main").ConfigureAwait(false);
        var changedSince = (await git.MustAsync("diff", "--name-only", "HEAD", "origin/main").ConfigureAwait(false)).Split('\n').ToHashSet(StringComparer.Ordinal);
        var here = (await git.RecordsAtAsync().ConfigureAwait(false)).Intersect(atTip).Where(p => !seen.Any(s => s.Path == p)).ToList();
        var quiet = here.Where(p => !changedSince.Contains(p)).ToList();
        var pool = quiet.Count > 0 ? quiet : here;
        if (pool.Count == 0) return (null, "");
        var path = model.Pick(pool);
        seen.Add(await model.EditAsync(git, path).ConfigureAwait(false));
        await git.CommitAsync($"edit {path} on {start}").ConfigureAwait(false);
        return (await git.MustAsync("rev-parse", "HEAD").ConfigureAwait(false), path);
    }
}
