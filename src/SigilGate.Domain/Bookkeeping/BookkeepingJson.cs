using System.Text.Json;

namespace SigilGate.Domain.Bookkeeping;

/// <summary>
/// Reads the suite's own JSON values from etcd. Whatever the text is (not JSON, JSON of another
/// shape, numbers out of range), the only exception is a <see cref="BookkeepingException"/>
/// naming the key: a value anyone may write with etcdctl never ends a command in a stack trace.
/// </summary>
public static class BookkeepingJson
{
    // The suite's values nest two objects deep at most (a kept conflict's versions' vectors). A field
    // named twice is damage: which of the two a reader takes is not the writer's choice.
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 8, AllowDuplicateProperties = false };
    private static readonly JsonDocumentOptions Lenient = new() { MaxDepth = 8 };

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
            if (NamedTwice(text) is { } field) throw new BookkeepingException(key, $"'{field}' is named twice", repair);
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

    /// <summary>The first field named twice in one object (<c>vector.git</c>), when that is all that is wrong with the text.</summary>
    private static string? NamedTwice(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Lenient);
            return NamedTwice(document.RootElement, "");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? NamedTwice(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Array) return element.EnumerateArray().Select(item => NamedTwice(item, path)).FirstOrDefault(found => found is not null);
        if (element.ValueKind != JsonValueKind.Object) return null;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in element.EnumerateObject())
        {
            var name = (path.Length == 0 ? "" : path + ".") + Yaml.MessageText.Clean(field.Name);
            if (!names.Add(field.Name)) return name;
            if (NamedTwice(field.Value, name) is { } nested) return nested;
        }

        return null;
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
