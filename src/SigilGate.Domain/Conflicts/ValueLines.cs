using System.Text.Json;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Conflicts;

/// <summary>
/// A record's value as lines to compare: its JSON object one field a line (a record's JSON is one
/// line, so a diff of it would say only that it changed); text that is not a JSON object as it is.
/// </summary>
public static class ValueLines
{
    public static IReadOnlyList<string> Of(string? value)
    {
        if (value is null) return [];
        try
        {
            using var document = JsonDocument.Parse(value);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return
                [
                    "{",
                    .. document.RootElement.EnumerateObject().Select((field, index) =>
                        $"  {JsonOutput.Write(w => w.WriteStringValue(field.Name))}: {field.Value.GetRawText()}{(index < document.RootElement.GetPropertyCount() - 1 ? "," : "")}"),
                    "}",
                ];
            }
        }
        catch (JsonException)
        {
            // A direct write need not be JSON: it is compared as written.
        }

        return value.Split('\n');
    }
}
