using System.Text.Json;

namespace SigilGate.Testing.Model;

/// <summary>Both sides at one moment: etcd's data keys (as record paths) and kept losers, the branch tip's records and kept copies.</summary>
public sealed record ModelSnapshot(
    string Tip,
    IReadOnlyDictionary<string, string> TipRecords,
    IReadOnlyDictionary<string, string> EtcdRecords,
    IReadOnlyList<RecordValue> Kept,
    long Revision)
{
    private const string EtcdConflicts = ModelRecords.Prefix + "/.sigil/conflicts/";

    public static async Task<ModelSnapshot> ReadAsync(ModelWorld world, GitTree tree)
    {
        var (keys, revision) = await world.ReadEtcdAsync().ConfigureAwait(false);
        var tip = await tree.TipAsync().ConfigureAwait(false);
        var files = await tree.ReadAsync(tip).ConfigureAwait(false);
        var data = keys.Where(k => !k.Key.StartsWith(ModelRecords.Prefix + "/.sigil/", StringComparison.Ordinal))
            .ToDictionary(k => RecordFiles.PathOf(k.Key), k => k.Value, StringComparer.Ordinal);
        var kept = keys.Where(k => k.Key.StartsWith(EtcdConflicts, StringComparison.Ordinal)).Select(k => k.Value)
            .Concat(files.Conflicts.Values).Select(KeptValue).OfType<RecordValue>().ToList();
        return new ModelSnapshot(tip, files.Records, data, kept, revision);
    }

    /// <summary>The loser a kept conflict document holds (its record from "key", its content from "value").</summary>
    internal static RecordValue? KeptValue(string document)
    {
        try
        {
            using var json = JsonDocument.Parse(document);
            var root = json.RootElement;
            var key = root.GetProperty("key").GetString()!;
            var value = root.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new RecordValue(RecordFiles.PathOf(key), value);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null; // not a kept document the model can read; the product's own specs check their shape
        }
    }

    /// <summary>The value a side holds for a record (null Json: absent).</summary>
    public RecordValue AtTip(string path) => new(path, TipRecords.GetValueOrDefault(path));

    public RecordValue InEtcd(string path) => new(path, EtcdRecords.GetValueOrDefault(path));
}
