namespace SigilGate.Testing.Model;

/// <summary>
/// Operator steps that shape history: commits on an old main brought in by merge (either way
/// round) or rebase, reverts (a Core node's mirror commit among them), cherry-picks of old
/// commits, and amended commits.
/// </summary>
public static class HistoryEdits
{
    public enum Bring { MergeOperatorFirst, MergeMainFirst, Rebase }

    /// <summary>Edits a record on the clone that has not pulled for a while, then brings main in and pushes.</summary>
    public static async Task OnOldMainAsync(ModelContext model, Bring bring)
    {
        var git = model.Stale;
        await git.MustAsync("fetch", "--quiet", "origin", "main").ConfigureAwait(false);
        var atTip = await git.RecordsAtAsync("origin/main").ConfigureAwait(false);
        var candidates = (await git.RecordsAtAsync().ConfigureAwait(false)).Intersect(atTip).ToList();
        var behind = await git.MustAsync("rev-list", "--count", "HEAD..origin/main").ConfigureAwait(false);
        var path = model.Pick(candidates);
        var seen = new HashSet<RecordValue> { await model.EditAsync(git, path).ConfigureAwait(false) };
        await git.CommitAsync($"edit {path} on an old main").ConfigureAwait(false);

        // Half the time the operator changes their mind in a second commit: the first one's
        // content is then never the tip's, and must never reach etcd.
        var twice = model.Random.Next(2) == 0;
        if (twice)
        {
            await model.EditAsync(git, path).ConfigureAwait(false);
            await git.CommitAsync($"edit {path} again on an old main").ConfigureAwait(false);
        }

        model.Log.Line($"  edit {path}{(twice ? " in two commits" : "")} on a main {behind} commits behind, then {bring}");
        seen.Add(await git.ValueAtAsync("origin/main", path).ConfigureAwait(false));

        var brought = bring switch
        {
            Bring.Rebase => await OperatorPush.PullRebaseAsync(git, [path], seen).ConfigureAwait(false),
            Bring.MergeOperatorFirst => await MergeAsync(git, "origin/main", "ours").ConfigureAwait(false),
            _ => await MergeMainFirstAsync(git).ConfigureAwait(false),
        };
        if (!brought)
        {
            model.Log.Line("  could not bring main in; dropped the change");
            await git.SyncAsync().ConfigureAwait(false);
            return;
        }

        await model.Pusher.PushAsync(git, model.Identity(), [path], seen, "old main, " + bring).ConfigureAwait(false);
    }

    // git merge with a conflict resolved by taking one side (a merge's "ours" is HEAD).
    private static async Task<bool> MergeAsync(OperatorGit git, string other, string keep)
    {
        if ((await git.RunAsync("merge", "--no-edit", other).ConfigureAwait(false)).ExitCode == 0) return true;
        if (await git.ResolveAsync(keep).ConfigureAwait(false) && (await git.RunAsync("commit", "--quiet", "--no-edit").ConfigureAwait(false)).ExitCode == 0) return true;
        await git.RunAsync("merge", "--abort").ConfigureAwait(false);
        return false;
    }

    // The merge the other way round: main checked out, the operator's commit merged into it.
    private static async Task<bool> MergeMainFirstAsync(OperatorGit git)
    {
        var mine = await git.MustAsync("rev-parse", "HEAD").ConfigureAwait(false);
        await git.MustAsync("checkout", "--quiet", "-B", "main", "origin/main").ConfigureAwait(false);
        return await MergeAsync(git, mine, "theirs").ConfigureAwait(false);
    }

    /// <summary>git revert of one of the last commits of main; half the time a Core node's mirror commit when there is one.</summary>
    public static async Task RevertRecentAsync(ModelContext model)
    {
        var git = model.Fresh;
        await git.SyncAsync().ConfigureAwait(false);
        var recent = await CommitsAsync(git, "-n", "10").ConfigureAwait(false);
        var nodes = recent.Where(c => c.Node).ToList();
        var pool = nodes.Count > 0 && model.Random.Next(2) == 0 ? nodes : recent;
        if (pool.Count == 0) return;
        var target = model.Pick(pool);
        model.Log.Line($"  git revert {target.Sha[..8]} ({target.Subject})");
        if ((await git.RunAsync("revert", "--no-edit", target.Sha).ConfigureAwait(false)).ExitCode != 0)
        {
            model.Log.Line("  the revert conflicts; dropped");
            await git.SyncAsync().ConfigureAwait(false);
            return;
        }

        await PushPickedAsync(model, git, "revert").ConfigureAwait(false);
    }

    /// <summary>git cherry-pick of an older commit of main onto the tip (a conflict is resolved taking the picked side).</summary>
    public static async Task CherryPickOldAsync(ModelContext model)
    {
        var git = model.Fresh;
        await git.SyncAsync().ConfigureAwait(false);
        var old = await CommitsAsync(git, "--skip", "3", "-n", "30").ConfigureAwait(false);
        if (old.Count == 0) return;
        var target = model.Pick(old);
        model.Log.Line($"  git cherry-pick {target.Sha[..8]} ({target.Subject})");
        var pick = await git.RunAsync("cherry-pick", target.Sha).ConfigureAwait(false);
        if (pick.ExitCode != 0 && !(await git.ResolveAsync("theirs").ConfigureAwait(false) && await git.ContinueAsync("cherry-pick").ConfigureAwait(false)))
        {
            model.Log.Line("  the cherry-pick is empty or cannot be resolved; dropped");
            await git.SyncAsync().ConfigureAwait(false);
            return;
        }

        await PushPickedAsync(model, git, "cherry-pick").ConfigureAwait(false);
    }

    /// <summary>
    /// Amends a commit: before pushing it (only the amended one is pushed), or after (the amended
    /// commit no longer follows main: rejected, then rebased and pushed as a new commit).
    /// </summary>
    public static async Task AmendAsync(ModelContext model)
    {
        var git = model.Fresh;
        await git.SyncAsync().ConfigureAwait(false);
        var path = await model.PickRecordAsync(git).ConfigureAwait(false);
        var afterPush = model.Random.Next(2) == 0;
        model.Log.Line($"  amend a commit of {path} {(afterPush ? "after" : "before")} pushing it");
        var seen = new HashSet<RecordValue> { await model.EditAsync(git, path).ConfigureAwait(false) };
        await git.CommitAsync("amend me: " + path).ConfigureAwait(false);
        var identity = model.Identity();
        if (afterPush && !await model.Pusher.PushAsync(git, identity, [path], seen, "before amend").ConfigureAwait(false)) return;

        seen.Add(await model.EditAsync(git, path).ConfigureAwait(false));
        await git.CommitAsync("amended: " + path, amend: true).ConfigureAwait(false);
        await model.Pusher.PushAsync(git, identity, [path], seen, "amended").ConfigureAwait(false);
    }

    // Pushes the commit a revert or cherry-pick made; its records are what it wrote, over what its parent held.
    private static Task PushPickedAsync(ModelContext model, OperatorGit git, string what) => PushChangedSinceAsync(model, git, "HEAD~1", what);

    /// <summary>
    /// Pushes HEAD as one change over <paramref name="seenTip"/> (the main the operator last
    /// fetched): its records are those that differ from it, written over what it held (and over
    /// <paramref name="alsoSeen"/>, what the operator read while making the change).
    /// </summary>
    public static async Task PushChangedSinceAsync(ModelContext model, OperatorGit git, string seenTip, string what, IEnumerable<RecordValue>? alsoSeen = null)
    {
        var changed = await git.MustAsync("diff", "--name-only", seenTip, "HEAD").ConfigureAwait(false);
        var paths = changed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(ModelRecords.IsRecord).ToList();
        var seen = new HashSet<RecordValue>(alsoSeen ?? []);
        foreach (var path in paths) seen.Add(await git.ValueAtAsync(seenTip, path).ConfigureAwait(false));

        // Deleting an Entry whose agent has just written its state leaves a state record without
        // its Entry either way the conflict goes: a case the model does not judge (the operator
        // deletes Entries only once their state is mirrored).
        foreach (var path in paths.Where(model.Ledger.Dirty.Contains))
        {
            if ((await git.ValueAtAsync("HEAD", path).ConfigureAwait(false)).Json is not null) continue;
            model.Log.Line($"  it would delete {path}, written in etcd since; dropped");
            await git.SyncAsync().ConfigureAwait(false);
            return;
        }

        await model.Pusher.PushAsync(git, model.Identity(), paths, seen, what).ConfigureAwait(false);
    }

    private sealed record Commit(string Sha, string Subject, bool Node);

    // Non-merge commits of main that changed a record, newest first, without the base network.
    private static async Task<List<Commit>> CommitsAsync(OperatorGit git, params string[] range)
    {
        var log = await git.MustAsync(["log", "--no-merges", "--format=%H%x1f%s%x1f%(trailers:key=Sigil-Node,valueonly)%x1e", .. range, "HEAD", "--", "nodes", "state", "network.yaml"]).ConfigureAwait(false);
        return log.Split('\x1e', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('\x1f')).Where(p => p.Length == 3 && p[1] != "model: base network")
            .Select(p => new Commit(p[0], p[1], p[2].Trim().Length > 0)).ToList();
    }
}
