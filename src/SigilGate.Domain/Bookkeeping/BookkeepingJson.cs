using System.Text.Json;

namespace SigilGate.Domain.Bookkeeping;

/// <summary>
/// Reads the suite's own JSON values from etcd. Whatever the text is (not JSON, JSON of another
/// shape, numbers out of range), the only exception is a <see cref="BookkeepingException"/>
/// naming the key: a value anyone may write with etcdctl never ends a command in a stack trace.
/// </summary>
public static class BookkeepingJson
{
    // The suite's values nest two objects deep at most (a kept conflict's versions' vectors).
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 8 };

    /// <summary>Parses <paramref name="text"/> as a JSON object and hands it to <paramref name="read"/>.</summary>
    public static T Read<T>(string key, string text, string repair, Func<BookkeepingObject, T> read)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(read);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException exception)
        {
            var where = exception.BytePositionInLine is { } column ? $" (at byte {column + 1})" : "";
            throw new BookkeepingException(key, $"not valid JSON{where}", repair);
        }
        catch (ArgumentException)
        {
            throw new BookkeepingException(key, "not valid UTF-8 text", repair);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BookkeepingException(key, $"expected a JSON object, got {Describe(root)}", repair);
            }

            return read(new BookkeepingObject(key, root, repair, ""));
        }
    }

    /// <summary>What a JSON value is, for messages: <c>an array</c>, <c>the number 17</c>.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "the number " + Yaml.MessageText.Clean(value.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
