namespace SigilGate.Testing.Model;

/// <summary>
/// Restoring from an older commit of main: <c>git checkout &lt;old&gt; -- state/&lt;core&gt;/</c>
/// (a Core node's whole folder), one record, or an Entry deleted since with its state, with or
/// without the version files beside them, then commit and push. The restored records are the
/// operator's change of now, made over what main held; what an agent wrote in etcd since is
/// concurrent with it.
/// </summary>
public static class Restores
{
    public static async Task RestoreFromOldCommitAsync(ModelContext model)
    {
        var git = model.Fresh;
        await git.SyncAsync().ConfigureAwait(false);
        var core = model.Pick(ModelRecords.Cores);
        var folder = $"state/{core}/";
        var log = await git.MustAsync("log", "--format=%H", "--skip", "2", "-n", "30", "HEAD", "--", folder).ConfigureAwait(false);
        var olds = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (olds.Length == 0)
        {
            model.Log.Line($"  {folder} has no old commit to restore from");
            return;
        }

        var old = model.Pick(olds);
        var atTip = (await git.RecordsAtAsync().ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var atOld = await git.RecordsAtAsync(old).ConfigureAwait(false);

        // An Entry deleted since can be brought back whole: its node record and its state.
        var deleted = atOld.Where(p => p.StartsWith(folder, StringComparison.Ordinal) && !atTip.Contains(p) && atOld.Contains(RecordFiles.EntryPath(Path.GetFileNameWithoutExtension(p)))).ToList();
        var revive = deleted.Count > 0 && model.Random.Next(2) == 0;

        // Otherwise only records the tip still has: a state record of an Entry deleted since is
        // refused by the gate, and a person leaves it out.
        var restorable = revive ? [model.Pick(deleted)] : atOld.Where(p => p.StartsWith(folder, StringComparison.Ordinal) && atTip.Contains(p)).ToList();
        if (restorable.Count == 0) return;
        var whole = !revive && model.Random.Next(2) == 0;
        var records = whole ? restorable : [model.Pick(restorable)];
        var withVersions = model.Random.Next(2) == 0;
        var files = new List<string>(records);
        if (revive) files.Add(RecordFiles.EntryPath(Path.GetFileNameWithoutExtension(records[0])));
        if (withVersions)
        {
            var versions = (await git.MustAsync("ls-tree", "-r", "--name-only", old, ".sigil/versions/" + folder).ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            files.AddRange(versions.Where(v => records.Contains(v[".sigil/versions/".Length..])));
        }

        var what = revive ? $"deleted Entry {Path.GetFileNameWithoutExtension(records[0])} with its state" : whole ? folder : records[0];
        model.Log.Line($"  git checkout {old[..8]} -- {what} ({(withVersions ? "with" : "without")} version files)");
        await git.MustAsync(["checkout", old, "--", .. files]).ConfigureAwait(false);
        if ((await git.RunAsync("diff", "--cached", "--quiet").ConfigureAwait(false)).ExitCode == 0)
        {
            model.Log.Line("  nothing to restore; dropped");
            return;
        }

        await git.CommitAsync($"restore {what} from {old[..8]}").ConfigureAwait(false);
        await HistoryEdits.PushChangedSinceAsync(model, git, "HEAD~1", "restore").ConfigureAwait(false);
    }
}
