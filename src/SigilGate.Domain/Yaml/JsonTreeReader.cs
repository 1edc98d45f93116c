using System.Text.Json;
using System.Text;
using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Store;

namespace SigilGate.Domain.Yaml;

/// <summary>
/// Reads a raw JSON value (as node agents write to etcd) into the same node tree as YAML, so one
/// set of schema rules serves both. JSON strings become quoted scalars, and true, false, null and
/// numbers plain ones, exactly as they would read in YAML. Columns count bytes.
/// </summary>
public static class JsonTreeReader
{
    public static YamlReadResult Read(string path, string json)
    {
        var diagnostics = new List<Diagnostic>();
        if (string.IsNullOrWhiteSpace(json))
        {
            diagnostics.Add(Diagnostic.InFile(path, "value is empty"));
            return new(null, diagnostics);
        }

        if (ValueBytes.FirstNonUtf8Byte(json) is { } bad)
        {
            diagnostics.Add(Diagnostic.InFile(path, $"value is not valid UTF-8 (byte 0x{bad.Byte:X2} after {bad.Offset} bytes)"));
            return new(null, diagnostics);
        }

        var bytes = Encoding.UTF8.GetBytes(json);
        var lines = new LineIndex(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            reader.Read();
            var root = ReadValue(ref reader, depth: 1, path, lines, diagnostics);
            while (reader.Read())
            {
                // Read() throws on anything after the value; a clean end returns false.
            }

            if (root is YamlMapping { IsRejected: false } mapping) return new(mapping, diagnostics);
            if (!root.IsRejected) diagnostics.Add(Diagnostic.At(path, root.Start, $"the value must be a JSON object, got {root.Describe()}"));
        }
        catch (JsonException ex)
        {
            // System.Text.Json appends the position (shown as line:col instead) and, for some
            // errors, advice meant for the programmer.
            var message = ex.Message;
            var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (at > 0) message = message[..at];
            message = message.Replace(" Change the reader options.", "", StringComparison.Ordinal);
            var mark = new Mark((int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1);
            diagnostics.Add(Diagnostic.At(path, mark, "JSON syntax error: " + MessageText.OneLine(message)));
        }

        return new(null, diagnostics);
    }

    private static YamlNode ReadValue(ref Utf8JsonReader reader, int depth, string path, LineIndex lines, List<Diagnostic> diagnostics)
    {
        var start = lines.MarkAt(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray when depth > YamlTreeBuilder.MaxDepth:
                diagnostics.Add(Diagnostic.At(path, start, $"nesting is deeper than {YamlTreeBuilder.MaxDepth} levels"));
                reader.Skip();
                return new YamlScalar(start, "", isPlain: true) { IsRejected = true };

            case JsonTokenType.StartObject:
                var entries = new List<YamlEntry>();
                var firstSeen = new Dictionary<string, Mark>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = new YamlScalar(lines.MarkAt(reader.TokenStartIndex), ReadString(ref reader, lines), isPlain: false);
                    reader.Read();
                    var value = ReadValue(ref reader, depth + 1, path, lines, diagnostics);
                    if (firstSeen.TryGetValue(key.Value, out var first))
                    {
                        diagnostics.Add(Diagnostic.At(path, key.Start, $"duplicate key {MessageText.Quote(key.Value)} (first at line {first.Line})"));
                        continue;
                    }

                    firstSeen.Add(key.Value, key.Start);
                    entries.Add(new YamlEntry(key, value));
                }

                return new YamlMapping(start, entries);

            case JsonTokenType.StartArray:
                var items = new List<YamlNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, depth + 1, path, lines, diagnostics));
                }

                return new YamlSequence(start, items);

            case JsonTokenType.String:
                return new YamlScalar(start, ReadString(ref reader, lines), isPlain: false);

            default:
                // true, false, null and numbers, as written.
                return new YamlScalar(start, Encoding.UTF8.GetString(reader.ValueSpan), isPlain: true);
        }
    }

    // GetString refuses escaped lone surrogates ("\ud800"), which no UTF-8 file could hold either.
    private static string ReadString(ref Utf8JsonReader reader, LineIndex lines)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var mark = lines.MarkAt(reader.TokenStartIndex);
            throw new JsonException("a string is not valid Unicode (a lone surrogate escape)", null, mark.Line - 1, mark.Column - 1);
        }
    }

    private sealed class LineIndex
    {
        private readonly List<long> _lineStarts = [0];

        public LineIndex(byte[] bytes)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n') _lineStarts.Add(i + 1);
            }
        }

        public Mark MarkAt(long offset)
        {
            var line = _lineStarts.BinarySearch(offset);
            if (line < 0) line = ~line - 1;
            return new Mark(line + 1, (int)(offset - _lineStarts[line]) + 1);
        }
    }
}
