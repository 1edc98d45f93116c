using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text;

namespace SigilGate.Domain.Records;

/// <summary>
/// Writes a record's fields as canonical JSON: keys sorted ordinally, no whitespace, and only the
/// escapes JSON requires. The default encoder would write '+' in "+02:00" as \u002B, which is valid
/// but makes the value unreadable in etcdctl; HTML-safety is irrelevant for etcd values.
/// </summary>
internal static class CanonicalJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    // One buffer per thread: a tree of ten thousand records would otherwise allocate ten thousand.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    public static string Write(IReadOnlyDictionary<string, object> fields)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            foreach (var name in fields.Keys.Order(StringComparer.Ordinal))
            {
                writer.WritePropertyName(name);
                WriteValue(writer, fields[name]);
            }

            writer.WriteEndObject();
        }

        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (buffer.Capacity > 64 * 1024) _buffer = null; // do not keep a rare huge record's buffer alive
        return json;
    }

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case IEnumerable<string> items:
                writer.WriteStartArray();
                foreach (var item in items) writer.WriteStringValue(item);
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"a record field cannot hold a {value.GetType().Name}", nameof(value));
        }
    }
}
