namespace SigilGate.Testing.Model;

/// <summary>
/// <c>sigil reconcile --repo BARE</c> (half the time with <c>--force</c>): etcd is made equal to the
/// tip, Git winning, and every value it overwrites or deletes is kept under .sigil/conflicts/.
/// Without --force a Core node's write Git does not have yet is left alone; with it, it is
/// overwritten and kept, so etcd then equals Git everywhere. A third of the time an agent has just
/// written and the node's pusher runs at the same moment (cron does not wait for an operator).
/// </summary>
public static class Reconciles
{
    public static async Task ReconcileAsync(ModelContext model)
    {
        var force = model.Random.Next(2) == 0;
        var race = model.Random.Next(3) == 0;
        Task<SigilProcess.Outcome>? pusher = null;
        if (race)
        {
            var node = model.Random.Next(ModelRecords.Cores.Length);
            await model.Nodes.RawWriteAsync(model.Random, ModelRecords.Cores[node], model.NextMarker()).ConfigureAwait(false);
            model.Log.Line($"  race: {ModelRecords.Cores[node]}'s pusher against the reconcile");
            pusher = model.Nodes.PushAsync(node);
            await Task.Delay(model.Random.Next(0, 300)).ConfigureAwait(false);
        }

        string[] arguments = force ? ["reconcile", "--repo", model.World.Bare.Path, "--force"] : ["reconcile", "--repo", model.World.Bare.Path];
        var result = await model.World.Bare.SigilAsync(arguments).ConfigureAwait(false);
        if (pusher is not null) await pusher.ConfigureAwait(false);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        model.Log.Line($"  sigil reconcile{(force ? " --force" : "")}: exit {result.ExitCode}: {lines.LastOrDefault()}");
        foreach (var line in lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Take(6)) model.Log.Line("  " + line.Trim());
        if (result.ExitCode != 0) throw new InvalidOperationException("sigil reconcile failed: " + result);

        // Racing, the pusher may have read an agent's write before the reconcile and push it after:
        // only its own clean exit says its area is mirrored.
        if (force && !race) model.Ledger.Reconciled();
    }
}
