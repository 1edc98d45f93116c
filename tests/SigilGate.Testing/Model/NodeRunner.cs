using System.Globalization;

namespace SigilGate.Testing.Model;

/// <summary>
/// The Core nodes: their agents' raw etcd writes (etcdctl put of a valid state record), their
/// pushers (<c>sigil push</c> as a real process, sometimes killed), and the server's catch-up
/// (<c>sigil apply</c>).
/// </summary>
public sealed class NodeRunner(ModelWorld world, ModelLedger ledger, ModelLog log)
{
    public int Runs { get; private set; }

    public int Kills { get; private set; }

    /// <summary>A node agent's <c>etcdctl put</c> of a fresh state record for an Entry the branch has on <paramref name="core"/>.</summary>
    public async Task RawWriteAsync(Random random, string core, int marker)
    {
        var entries = await EntriesOfAsync(core).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            log.Line($"  {core} has no Entry at the tip; no write");
            return;
        }

        var path = ModelRecords.StatePath(entries[random.Next(entries.Count)]);
        var key = RecordFiles.KeyOf(path);
        var (keys, _) = await world.ReadEtcdAsync().ConfigureAwait(false);
        var before = new RecordValue(path, keys.GetValueOrDefault(key));
        var json = ModelRecords.Json(ModelRecords.State(random, marker));
        var put = await world.EtcdctlAsync("put", key, json).ConfigureAwait(false);
        if (put.ExitCode != 0) throw new InvalidOperationException("etcdctl put failed: " + put);
        ledger.RawWrite(new RecordValue(path, json), before, $"raw etcd write by {core}'s agent at step {log.Step}");
        log.Line($"  etcdctl put {key} {json}");
    }

    /// <summary>One run of the node's pusher; a clean exit 0 means its area is mirrored.</summary>
    public async Task<SigilProcess.Outcome> PushAsync(int node, SigilProcess.Kill kill = SigilProcess.Kill.None, TimeSpan delay = default)
    {
        var core = ModelRecords.Cores[node];
        var clone = world.Nodes[node];
        var outcome = await SigilProcess.RunAsync(SigilBinaries.Path("sigil"), ["push", "--node", core, "--workdir", clone.Path], clone.Path, world.Environment.Variables, kill, delay).ConfigureAwait(false);
        Runs++;
        if (outcome.Killed.Length > 0) Kills++;
        var how = outcome.Killed.Length > 0 ? $"killed {outcome.Killed} after {delay.TotalMilliseconds:0} ms" : $"exit {outcome.ExitCode}";
        log.Line(string.Create(CultureInfo.InvariantCulture, $"  sigil push --node {core}: {how} in {outcome.Milliseconds:0} ms: {outcome.Summary}"));
        if (outcome.Killed.Length == 0 && outcome.ExitCode == 0) ledger.Mirrored(core);
        return outcome;
    }

    public async Task<ProcessResult> ApplyAsync()
    {
        var result = await world.Bare.SigilAsync("apply", "--repo", world.Bare.Path).ConfigureAwait(false);
        log.Line($"  sigil apply: exit {result.ExitCode}");
        return result;
    }

    /// <summary>The Entry numbers the branch tip has on <paramref name="core"/>.</summary>
    public async Task<List<int>> EntriesOfAsync(string core)
    {
        var listing = await world.Bare.GitAsync("ls-tree", "--name-only", "main", "nodes/entry/").ConfigureAwait(false);
        return listing.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.Parse(Path.GetFileNameWithoutExtension(p)[2..], CultureInfo.InvariantCulture))
            .Where(e => ModelRecords.CoreOf(e) == core).ToList();
    }
}
