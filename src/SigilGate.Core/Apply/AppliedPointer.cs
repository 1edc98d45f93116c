using SigilGate.Core.Versioning;
using System.Text.Json;

namespace SigilGate.Core.Apply;

/// <summary>The last commit applied to etcd (<c>&lt;prefix&gt;/.sigil/applied</c>), and the revision it was read at.</summary>
public sealed record AppliedPointer(string? Commit, DateTimeOffset? Time, long ModRevision)
{
    public static AppliedPointer None { get; } = new(null, null, 0);

    public static string ToJson(string commit, DateTimeOffset time) => JsonOutput.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("commit", commit);
            writer.WriteString("time", time.ToUniversalTime().ToString("o", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        });

    public static AppliedPointer Parse(string json, long modRevision)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var commit = root.TryGetProperty("commit", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            DateTimeOffset? time = root.TryGetProperty("time", out var t) && t.TryGetDateTimeOffset(out var when) ? when : null;
            return new AppliedPointer(commit, time, modRevision);
        }
        catch (JsonException)
        {
            // A damaged pointer means "unknown": the next apply starts over from the empty tree, which is safe.
            return new AppliedPointer(null, null, modRevision);
        }
    }
}
