using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text;

namespace SigilGate.Domain.Versioning;

/// <summary>
/// Writes the suite's own JSON values. Only the escapes JSON requires: the default encoder would
/// write '+' of "+00:00" as \u002B, valid but unreadable in etcdctl.
/// </summary>
public static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A named string field, or null: the console's JSON outputs write every field, null when there is no value.</summary>
    public static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }
}
