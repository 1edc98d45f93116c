using System.Text.Json;
using SigilGate.Core.Mirror;
using SigilGate.Core.Versioning;

namespace SigilGate.Adapters.Mirror;

/// <summary>
/// The pusher's memory of its last successful run, in the clone's .git directory (never committed):
/// <c>{"format":3,"revision":R,"count":N,"settled":{key:revision,...}}</c>, a few hundred bytes
/// whatever the area's size. Written to a temporary file and renamed, so a crash leaves the old
/// state or the new, never half. A missing, damaged or older journal means "remember nothing":
/// the next run reads the whole area, as a first run does.
/// </summary>
public sealed class PushJournalFile(string clone) : IPushJournal
{
    // Format 1 kept the mod revision of every key of the area; its revision alone is not enough.
    // Format 2 counted the area's version keys too, which runs no longer list.
    private const int Format = 3;

    private readonly string _path = Path.Combine(clone, ".git", "sigil-push.json");

    public PushState Load()
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(_path));
            var root = document.RootElement;
            if (!root.TryGetProperty("format", out var format) || format.GetInt32() != Format) return PushState.Empty;
            var settled = root.GetProperty("settled").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
            return new PushState(root.GetProperty("revision").GetInt64(), root.GetProperty("count").GetInt64(), settled);
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            return PushState.Empty;
        }
    }

    public void Save(PushState state)
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
            writer.WriteEndObject();
        });
        var temporary = _path + ".tmp";
        File.WriteAllText(temporary, json);
        File.Move(temporary, _path, overwrite: true);
    }

    private static bool IsUnreadable(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException;
}
