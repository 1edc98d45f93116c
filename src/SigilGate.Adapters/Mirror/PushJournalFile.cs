using System.Text.Json;
using SigilGate.Core.Mirror;
using SigilGate.Core.Versioning;

namespace SigilGate.Adapters.Mirror;

/// <summary>
/// The pusher's memory of its last successful run, in the clone's .git directory (never committed).
/// Written to a temporary file and renamed, so a crash leaves the old state or the new, never half.
/// A missing or damaged file means "remember nothing": the next run compares everything.
/// </summary>
public sealed class PushJournalFile(string clone) : IPushJournal
{
    private readonly string _path = Path.Combine(clone, ".git", "sigil-push.json");

    public PushState Load()
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(_path));
            var root = document.RootElement;
            var revisions = root.GetProperty("keys").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
            var snapshot = root.TryGetProperty("snapshot", out var at) ? at.GetInt64() : (long?)null;
            return new PushState(root.GetProperty("revision").GetInt64(), revisions) { SnapshotRevision = snapshot };
        }
        catch (Exception exception) when (exception is IOException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
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
}
