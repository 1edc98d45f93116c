namespace SigilGate.Testing.Model;

/// <summary>Core node steps: agents writing etcd, the pusher running (sometimes killed, then run again), and the pusher racing an operator's push.</summary>
public static class NodeActivity
{
    public static Task RawWriteAsync(ModelContext model)
    {
        var node = model.Random.Next(ModelRecords.Cores.Length);
        return model.Nodes.RawWriteAsync(model.Random, ModelRecords.Cores[node], model.NextMarker());
    }

    public static Task PushAsync(ModelContext model) => model.Nodes.PushAsync(model.Random.Next(ModelRecords.Cores.Length));

    /// <summary>
    /// Kills the pusher (or the git it runs) after a short random delay, then runs it again (now
    /// or in a later step), and runs the server's catch-up (a killed git push may have left its
    /// post-receive unfinished).
    /// </summary>
    public static async Task KilledPushAsync(ModelContext model)
    {
        var node = model.Random.Next(ModelRecords.Cores.Length);
        if (model.Random.Next(2) == 0) await model.Nodes.RawWriteAsync(model.Random, ModelRecords.Cores[node], model.NextMarker()).ConfigureAwait(false);
        var kill = model.Random.Next(2) == 0 ? SigilProcess.Kill.Itself : SigilProcess.Kill.Child;
        await model.Nodes.PushAsync(node, kill, TimeSpan.FromMilliseconds(model.Random.Next(0, 400))).ConfigureAwait(false);

        // Half the time the next run comes only with a later step (as cron's next minute would):
        // the suite may have noticed the agent's writes without mirroring them.
        if (model.Random.Next(2) == 0) await model.Nodes.PushAsync(node).ConfigureAwait(false);
        await model.Nodes.ApplyAsync().ConfigureAwait(false);
    }

    /// <summary>The node's pusher and an operator's edit of the node's area (or anything) pushed at the same time.</summary>
    public static async Task RaceAsync(ModelContext model)
    {
        var node = model.Random.Next(ModelRecords.Cores.Length);
        var core = ModelRecords.Cores[node];
        await model.Nodes.RawWriteAsync(model.Random, core, model.NextMarker()).ConfigureAwait(false);

        var git = model.Fresh;
        await git.SyncAsync().ConfigureAwait(false);
        var area = (await git.RecordsAtAsync().ConfigureAwait(false)).Where(p => p.StartsWith($"state/{core}/", StringComparison.Ordinal)).ToList();
        var path = area.Count > 0 && model.Random.Next(3) != 0 ? model.Pick(area) : await model.PickRecordAsync(git).ConfigureAwait(false);
        var seen = new HashSet<RecordValue> { await model.EditAsync(git, path).ConfigureAwait(false) };
        await git.CommitAsync("edit while the node pushes: " + path).ConfigureAwait(false);
        model.Log.Line($"  race: {core}'s pusher against an edit of {path}");

        var pusher = model.Nodes.PushAsync(node);
        await Task.Delay(model.Random.Next(0, 400)).ConfigureAwait(false);
        var operatorPush = model.Pusher.PushAsync(git, model.Identity(), [path], seen, "racing the node");
        await Task.WhenAll(pusher, operatorPush).ConfigureAwait(false);
    }
}
