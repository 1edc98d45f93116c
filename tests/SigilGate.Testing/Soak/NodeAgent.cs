using System.Globalization;
using System.Text.Json;

namespace SigilGate.Testing.Soak;

/// <summary>
/// A Core node's agent: writes raw JSON into its own area <c>/sigil/state/&lt;core&gt;/entries/&lt;e&gt;</c>
/// with etcdctl. Like a careful agent it reads the key and writes only if nobody wrote in between
/// (a txn comparing the mod revision), so the test knows exactly which value each write replaced.
/// </summary>
internal sealed class NodeAgent(SoakWorld world, SoakLedger ledger, SoakTrace trace, Random random, int core)
{
    private static readonly string[] Statuses = ["up", "down", "degraded"];
    private readonly string writer = $"core-{core}";
    private int count;

    public int Collisions { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await SoakDelay.Between(random, 150, 1500, stop).ConfigureAwait(false);
            if (stop.IsCancellationRequested) break;
            await WriteOnceAsync(random.Next(1, world.Options.EntriesPerCore + 1)).ConfigureAwait(false);
        }
    }

    private async Task WriteOnceAsync(int k)
    {
        var path = SoakRecords.StatePath(core, k);
        var key = RecordFiles.KeyOf(path);
        var read = await ReadAsync(key).ConfigureAwait(false);
        if (read is null) return;

        var marker = SoakRecords.Marker(writer, ++count);
        var content = SoakRecords.State(Statuses[random.Next(Statuses.Length)], DateTimeOffset.UtcNow, marker);
        var seen = SoakRecords.MarkerOfJson(path, read.Value.Value);
        var write = new SoakWrite(marker, path, writer, content.Json, seen, ledger.LastOf(writer, path), trace.Seconds);

        // etcdctl txn reads compares, success and failure requests, each list ended by an empty
        // line; values go double-quoted with escapes (3.4 cuts single-quoted ones short).
        var value = JsonSerializer.Serialize(content.Json);
        var txn = $"mod(\"{key}\") = \"{read.Value.ModRevision.ToString(CultureInfo.InvariantCulture)}\"\n\nput {key} {value}\n\n\n";
        var result = await world.EtcdctlAsync(["txn"], txn).ConfigureAwait(false);
        if (result.ExitCode == 0 && result.StandardOutput.StartsWith("SUCCESS", StringComparison.Ordinal))
        {
            ledger.Add(write);
            trace.Line(writer, $"put {marker} {path} (seen {seen})");
        }
        else if (result.ExitCode == 0)
        {
            Collisions++;
            trace.Line(writer, $"{path} changed under {marker}; not written");
        }
        else
        {
            // Timed out (a member died under the request): it may still have been applied.
            var after = await ReadAsync(key).ConfigureAwait(false);
            var landed = after?.Value == content.Json;
            ledger.Add(write with { Uncertain = !landed });
            trace.Line(writer, $"put {marker} {path} failed ({result.StandardError.Trim()}); {(landed ? "it landed" : "outcome unknown")}");
        }
    }

    private async Task<(string? Value, long ModRevision)?> ReadAsync(string key)
    {
        var result = await world.EtcdctlAsync(["get", key, "-w", "json"]).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            trace.Line(writer, $"read of {key} failed: {result.StandardError.Trim()}");
            return null;
        }

        var kv = EtcdRange.Parse(result.StandardOutput).Kvs.FirstOrDefault();
        return kv is null ? (null, 0) : (kv.Value, kv.ModRevision);
    }
}
