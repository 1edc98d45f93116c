namespace SigilGate.Testing.Model;

/// <summary>
/// <c>sigil reconcile --repo BARE</c> (half the time with <c>--force</c>): etcd is made equal to the
/// tip, Git winning, and every value it overwrites or deletes is kept under .sigil/conflicts/.
/// Without --force a Core node's write Git does not have yet is left alone; with it, it is
/// overwritten and kept, so etcd then equals Git everywhere.
/// </summary>
public static class Reconciles
{
    public static async Task ReconcileAsync(ModelContext model)
    {
        var force = model.Random.Next(2) == 0;
        string[] arguments = force ? ["reconcile", "--repo", model.World.Bare.Path, "--force"] : ["reconcile", "--repo", model.World.Bare.Path];
        var result = await model.World.Bare.SigilAsync(arguments).ConfigureAwait(false);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        model.Log.Line($"  sigil reconcile{(force ? " --force" : "")}: exit {result.ExitCode}: {lines.LastOrDefault()}");
        foreach (var line in lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Take(6)) model.Log.Line("  " + line.Trim());
        if (result.ExitCode != 0) throw new InvalidOperationException("sigil reconcile failed: " + result);
        if (force) model.Ledger.Reconciled();
    }
}
