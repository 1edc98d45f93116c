using System.Globalization;
using System.Text.Json;
using SigilGate.Domain.Versioning;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Bookkeeping;

/// <summary>
/// One JSON object of a bookkeeping value, read field by field. Every accessor either returns a
/// value of the expected type and range or throws a <see cref="BookkeepingException"/> that names
/// the key and the field (<c>'loser.vector'</c>).
/// </summary>
public sealed class BookkeepingObject
{
    private readonly JsonElement _element;
    private readonly string _repair;
    private readonly string _path;

    internal BookkeepingObject(string key, JsonElement element, string repair, string path)
    {
        Key = key;
        _element = element;
        _repair = repair;
        _path = path;
    }

    public string Key { get; }

    /// <summary>A required, non-empty string.</summary>
    public string String(string name)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.String) throw Wrong(name, "a string", value);
        var text = value.GetString()!;
        if (text.Length == 0) throw Fail($"{Field(name)} must not be empty");
        return text;
    }

    /// <summary>A string, or null when the field is absent or null.</summary>
    public string? OptionalString(string name)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw Wrong(name, "a string or null", value);
        return value.GetString();
    }

    /// <summary>A required time (ISO 8601 with a zone, as the suite writes it), from 1970 on.</summary>
    public DateTimeOffset Time(string name)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.String) throw Wrong(name, "a time such as 2026-11-23T10:00:00Z", value);
        var text = value.GetString()!;
        if (!BookkeepingTime.TryParse(text, out var time))
        {
            throw Fail($"{Field(name)} must be a time such as 2026-11-23T10:00:00Z, got {MessageText.Quote(text)}");
        }

        if (!BookkeepingTime.IsInRange(time)) throw Fail($"{Field(name)} is {MessageText.Quote(text)}, before 1970");
        return time;
    }

    /// <summary>A required nested object.</summary>
    public BookkeepingObject Object(string name)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.Object) throw Wrong(name, "an object", value);
        return new BookkeepingObject(Key, value, _repair, Field(name).Trim('\''));
    }

    /// <summary>
    /// The object's fields as version counters: each a whole number from 0 to
    /// <see cref="CounterLimit.Max"/> (larger ones would overflow, or lose digits in JSON readers).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, long>> Counters()
    {
        var counters = new List<KeyValuePair<string, long>>();
        foreach (var field in _element.EnumerateObject())
        {
            var value = field.Value;
            if (value.ValueKind != JsonValueKind.Number) throw Wrong(field.Name, "a whole number", value);
            if (!value.TryGetInt64(out var counter))
            {
                throw value.TryGetDouble(out var large) && large >= 1 && Math.Floor(large) == large
                    ? Fail(CounterLimit.TooLarge(field.Name, value.GetRawText()))
                    : Wrong(field.Name, "a whole number", value);
            }

            if (counter < 0) throw Fail($"counter for writer {MessageText.Quote(field.Name)} is {counter}, below 0");
            if (counter > CounterLimit.Max) throw Fail(CounterLimit.TooLarge(field.Name, counter.ToString(CultureInfo.InvariantCulture)));
            counters.Add(new(field.Name, counter));
        }

        return counters;
    }

    /// <summary>The exception for a value that is wrong in a way the accessors cannot tell.</summary>
    public BookkeepingException Fail(string problem) => new(Key, problem, _repair);

    private JsonElement Required(string name) =>
        _element.TryGetProperty(name, out var value) ? value : throw Fail($"{Field(name)} is missing");

    private BookkeepingException Wrong(string name, string expected, JsonElement value) =>
        Fail($"{Field(name)} must be {expected}, got {BookkeepingJson.Describe(value)}");

    /// <summary>A field as messages name it, with the path of the object it is in: <c>'loser.sha256'</c>.</summary>
    public string Field(string name) => "'" + (_path.Length == 0 ? "" : _path + ".") + MessageText.Clean(name) + "'";
}
