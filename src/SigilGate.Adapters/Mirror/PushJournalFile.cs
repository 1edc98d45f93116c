using System.Text.Json;
using SigilGate.Core.Mirror;
using SigilGate.Core.Versioning;

namespace SigilGate.Adapters.Mirror;

/// <summary>
/// The pusher's memory of its last successful run, in the clone's .git directory (never committed).
/// Written to a temporary file and renamed, so a crash leaves the old state or the new, never half.
/// A missing or damaged file means "remember nothing": the next run compares everything.
/// </summary>
/// <remarks>
/// The revisions, the snapshot revision and the key count come first in the file and are read on
/// their own; the map of every key (a megabyte in a 10,000-record area) is read only when a run
/// asks for it, so an idle run of a large area reads a few bytes of the journal.
/// </remarks>
public sealed class PushJournalFile(string clone) : IPushJournal
{
    // Far more than the header ever takes ({"revision":N,"snapshot":N,"count":N,"keys":{).
    private const int HeaderBytes = 256;

    private readonly string _path = Path.Combine(clone, ".git", "sigil-push.json");

    public PushState Load()
    {
        try
        {
            if (ReadHeader() is not { Count: { } count } header) return ReadWhole();
            return new PushState(header.Revision, new LazyReadOnlyDictionary<string, long>(ReadKeys)) { SnapshotRevision = header.Snapshot, KnownKeyCount = count };
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            return PushState.Empty;
        }
    }

    public void Save(PushState state)
    {
        var json = JsonOutput.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("revision", state.Revision);
            if (state.SnapshotRevision is { } snapshot) writer.WriteNumber("snapshot", snapshot);
            writer.WriteNumber("count", state.ModRevisions.Count);
            writer.WriteStartObject("keys");

            // Unsorted: ordering 20,000 keys with long shared prefixes cost a large area's run ~30 ms.
            foreach (var (key, revision) in state.ModRevisions) writer.WriteNumber(key, revision);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
        var temporary = _path + ".tmp";
        File.WriteAllText(temporary, json);
        File.Move(temporary, _path, overwrite: true);
    }

    /// <summary>The fields before "keys", or null when they do not fit the first bytes (then the whole file is read).</summary>
    private (long Revision, long? Snapshot, int? Count)? ReadHeader()
    {
        var buffer = new byte[HeaderBytes];
        int length;
        using (var file = File.OpenRead(_path)) length = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var reader = new Utf8JsonReader(buffer.AsSpan(0, length), isFinalBlock: false, default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("the journal is not a JSON object");
        long? revision = null, snapshot = null;
        int? count = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            if (name == "keys") return revision is { } r ? (r, snapshot, count) : null;
            if (!reader.Read()) return null;
            switch (name)
            {
                case "revision": revision = reader.GetInt64(); break;
                case "snapshot": snapshot = reader.GetInt64(); break;
                case "count": count = reader.GetInt32(); break;
            }
        }

        return null;
    }

    private PushState ReadWhole()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(_path));
        var root = document.RootElement;
        var snapshot = root.TryGetProperty("snapshot", out var at) ? at.GetInt64() : (long?)null;
        return new PushState(root.GetProperty("revision").GetInt64(), Keys(root)) { SnapshotRevision = snapshot };
    }

    /// <summary>The key map alone; a file damaged after its header remembers no key, so everything is compared again.</summary>
    private IReadOnlyDictionary<string, long> ReadKeys()
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(_path));
            var keys = Keys(document.RootElement);
            return document.RootElement.TryGetProperty("count", out var count) && count.GetInt32() == keys.Count ? keys : new Dictionary<string, long>();
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            return new Dictionary<string, long>();
        }
    }

    private static Dictionary<string, long> Keys(JsonElement root) =>
        root.GetProperty("keys").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);

    private static bool IsUnreadable(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException;
}
