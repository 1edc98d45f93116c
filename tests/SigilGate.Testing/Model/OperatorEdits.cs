namespace SigilGate.Testing.Model;

/// <summary>Operator steps on the current main: plain edits, adding and deleting Entries, same-second and backdated commits.</summary>
public static class OperatorEdits
{
    /// <summary>Edits one or two records (an Entry's address and enabled, a Core's region, the network, a state record by hand).</summary>
    public static async Task EditOnTipAsync(ModelContext model)
    {
        var git = model.Fresh;
        await git.SyncAsync().ConfigureAwait(false);
        var paths = new HashSet<string>(StringComparer.Ordinal) { await model.PickRecordAsync(git).ConfigureAwait(false) };
        if (model.Random.Next(3) == 0) paths.Add(await model.PickRecordAsync(git).ConfigureAwait(false));
        var seen = new HashSet<RecordValue>();
        foreach (var path in paths) seen.Add(await model.EditAsync(git, path).ConfigureAwait(false));
        model.Log.Line($"  edit {string.Join(", ", paths)}");
        await git.CommitAsync("edit " + string.Join(", ", paths)).ConfigureAwait(false);
        await model.Pusher.PushAsync(git, model.Identity(), paths, seen, "edit").ConfigureAwait(false);
    }

    /// <summary>Adds a missing Entry with its state record, or deletes one with its state (and the state's version file).</summary>
    public static async Task AddOrDeleteEntryAsync(ModelContext model)
    {
        var git = model.Fresh;
        await git.SyncAsync().ConfigureAwait(false);
        var present = Enumerable.Range(1, ModelRecords.EntryPool).Where(e => git.Read(ModelRecords.EntryPath(e)) is not null).ToList();
        var missing = Enumerable.Range(1, ModelRecords.EntryPool).Except(present).ToList();
        var deletable = present.Where(e => !model.Ledger.Dirty.Contains(ModelRecords.StatePath(e))).ToList();
        var add = missing.Count > 0 && (deletable.Count <= 2 || model.Random.Next(2) == 0);
        if (!add && deletable.Count == 0) return;

        var entry = add ? model.Pick(missing) : model.Pick(deletable);
        string[] paths = [ModelRecords.EntryPath(entry), ModelRecords.StatePath(entry)];
        var seen = new HashSet<RecordValue>();
        foreach (var path in paths) seen.Add(await git.ValueAtAsync("HEAD", path).ConfigureAwait(false));
        if (add)
        {
            git.Clone.Write(paths[0], ModelRecords.Entry(entry, model.NextMarker(), enabled: true));
            git.Clone.Write(paths[1], ModelRecords.State(model.Random, model.NextMarker()));
        }
        else
        {
            await git.MustAsync("rm", "-r", "--quiet", "--ignore-unmatch", "--", paths[0], paths[1], ".sigil/versions/" + paths[1]).ConfigureAwait(false);
        }

        model.Log.Line($"  {(add ? "add" : "delete")} Entry e-{entry} with its state");
        await git.CommitAsync($"{(add ? "add" : "delete")} e-{entry}").ConfigureAwait(false);
        await model.Pusher.PushAsync(git, model.Identity(), paths, seen, add ? "add" : "delete").ConfigureAwait(false);
    }

    /// <summary>Two commits of one record within one second (both dates fixed): pushed one by one, or together.</summary>
    public static async Task SameSecondAsync(ModelContext model)
    {
        var git = model.Fresh;
        await git.SyncAsync().ConfigureAwait(false);

        // Half the time a state record an agent has written in etcd since: each commit then meets
        // a concurrent version, and the two commits' equal times decide nothing between them.
        var written = (await git.RecordsAtAsync().ConfigureAwait(false)).Where(model.Ledger.Dirty.Contains).ToList();
        var path = written.Count > 0 && model.Random.Next(2) == 0 ? model.Pick(written) : await model.PickRecordAsync(git).ConfigureAwait(false);
        var second = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var together = model.Random.Next(2) == 0;
        model.Log.Line($"  two commits of {path} dated {second:HH:mm:ss}, pushed {(together ? "together" : "one by one")}");
        var seen = new HashSet<RecordValue> { await model.EditAsync(git, path).ConfigureAwait(false) };
        await git.CommitAsync("same second 1: " + path, second).ConfigureAwait(false);
        if (!together && !await model.Pusher.PushAsync(git, model.Identity(), [path], seen, "same second 1").ConfigureAwait(false)) return;

        seen.Add(await model.EditAsync(git, path).ConfigureAwait(false));
        await git.CommitAsync("same second 2: " + path, second).ConfigureAwait(false);
        await model.Pusher.PushAsync(git, model.Identity(), [path], seen, "same second 2").ConfigureAwait(false);
    }

    /// <summary>A commit on the tip dated before the record's last change (a clock behind, or a date set by hand).</summary>
    public static async Task BackdatedAsync(ModelContext model)
    {
        var git = model.Fresh;
        await git.SyncAsync().ConfigureAwait(false);
        var path = await model.PickRecordAsync(git).ConfigureAwait(false);
        var last = long.Parse(await git.MustAsync("log", "-1", "--format=%ct", "--", path).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        var date = DateTimeOffset.FromUnixTimeSeconds(last - model.Random.Next(1, 7200));
        var seen = new HashSet<RecordValue> { await model.EditAsync(git, path).ConfigureAwait(false) };
        model.Log.Line($"  edit {path} dated {date:HH:mm:ss}, before its last change at {DateTimeOffset.FromUnixTimeSeconds(last):HH:mm:ss}");
        await git.CommitAsync("backdated: " + path, date).ConfigureAwait(false);
        await model.Pusher.PushAsync(git, model.Identity(), [path], seen, "backdated").ConfigureAwait(false);
    }
}
