using System.Text.Json;
using SigilGate.Domain.Mirror;
using SigilGate.Domain.Versioning;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// The pusher's memory of its last successful run, in the clone's .git directory (never committed):
/// <c>{"format":3,"revision":R,"count":N,"settled":{key:revision,...},"unsettled":[key,...]}</c>, a few
/// hundred bytes whatever the area's size ("unsettled", the keys left invalid, is optional). Written to a temporary file and renamed, so a crash leaves the old
/// state or the new, never half. A missing, damaged or older journal means "remember nothing":
/// the next run reads the whole area, as a first run does.
/// </summary>
public sealed class MirrorJournalFile(string clone, Action<string>? warn = null) : IMirrorJournal
{
    // Format 1 kept the mod revision of every key of the area; its revision alone is not enough.
    // Format 2 counted the area's version keys too, which runs no longer list.
    private const int Format = 3;

    private readonly string _path = Path.Combine(clone, ".git", "sigil-push.json");

    public MirrorState Load()
    {
        if (!File.Exists(_path)) return MirrorState.Empty;
        if (!ReplacedFile.HasContent(_path)) return Damaged("empty, or not a regular file");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(_path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Damaged("not a JSON object");

            // An older format is not damage: it is read as "nothing remembered", silently.
            if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.Number || !format.TryGetInt32(out var number) || number != Format) return MirrorState.Empty;
            var settled = new Dictionary<string, long>(StringComparer.Ordinal);
            if (!root.TryGetProperty("settled", out var settledObject) || settledObject.ValueKind != JsonValueKind.Object) return Damaged("'settled' is not an object");
            foreach (var key in settledObject.EnumerateObject())
            {
                if (Revision(key.Value) is not { } revision) return Damaged($"'settled' holds {key.Value.GetRawText()} for a key");
                settled[key.Name] = revision;
            }

            List<string> unsettled = [];
            if (root.TryGetProperty("unsettled", out var unsettledArray))
            {
                if (unsettledArray.ValueKind != JsonValueKind.Array || unsettledArray.EnumerateArray().Any(k => k.ValueKind != JsonValueKind.String)) return Damaged("'unsettled' is not a list of keys");
                unsettled.AddRange(unsettledArray.EnumerateArray().Select(k => k.GetString()!));
            }

            if (!root.TryGetProperty("revision", out var revisionValue) || Revision(revisionValue) is not { } lastRevision) return Damaged("'revision' is not a revision");
            if (!root.TryGetProperty("count", out var countValue) || Revision(countValue) is not { } count) return Damaged("'count' is not a key count");
            return new MirrorState(lastRevision, count, settled) { Unsettled = unsettled };
        }
        catch (JsonException)
        {
            return Damaged("not valid JSON");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            return Damaged(exception.Message);
        }
    }

    public void Save(MirrorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var json = JsonOutput.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", Format);
            writer.WriteNumber("revision", state.Revision);
            writer.WriteNumber("count", state.KeyCount);
            writer.WriteStartObject("settled");
            foreach (var (key, revision) in state.Settled.OrderBy(k => k.Key, StringComparer.Ordinal)) writer.WriteNumber(key, revision);
            writer.WriteEndObject();
            writer.WriteStartArray("unsettled");
            foreach (var key in state.Unsettled.Order(StringComparer.Ordinal)) writer.WriteStringValue(key);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        var temporary = _path + ".tmp";
        File.WriteAllText(temporary, json);
        File.Move(temporary, _path, overwrite: true);
    }

    // Revisions and counts are whole numbers from 0 to the counter limit (etcd's revisions are far below it).
    private static long? Revision(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number is >= 0 and <= CounterLimit.Max ? number : null;

    // Forgetting is safe (the next run reads the whole area, as a first run does); it is said, not hidden.
    private MirrorState Damaged(string problem)
    {
        warn?.Invoke($"warning: {_path} is damaged ({problem}); this run reads the whole area and writes it anew");
        return MirrorState.Empty;
    }
}
