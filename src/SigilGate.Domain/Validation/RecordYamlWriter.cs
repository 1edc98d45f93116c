using System.Text.Json;
using System.Text;
using SigilGate.Domain.Records;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Validation;

/// <summary>
/// Writes a record's JSON as its YAML file. Fields come in schema order (id first), then any
/// others by name. Values of a shape no schema has are written as JSON, which YAML reads as flow.
/// </summary>
internal static class RecordYamlWriter
{
    public static string Write(Record record)
    {
        using var document = JsonDocument.Parse(record.Json);
        var root = document.RootElement;
        var order = record.Path.IsSynced ? RecordSchemas.For(record.Path.Kind).Select(rule => rule.Name).ToList() : [];
        var properties = root.EnumerateObject()
            .OrderBy(property => order.IndexOf(property.Name) is var index and >= 0 ? index : int.MaxValue)
            .ThenBy(property => property.Name, StringComparer.Ordinal);

        var text = new StringBuilder(record.Json.Length + 32);
        foreach (var property in properties)
        {
            text.Append(YamlScalarWriter.Format(property.Name)).Append(':');
            WriteValue(text, property.Value);
        }

        return text.ToString();
    }

    private static void WriteValue(StringBuilder text, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                text.Append(' ').Append(YamlScalarWriter.Format(value.GetString()!)).Append('\n');
                break;
            case JsonValueKind.Array when value.GetArrayLength() > 0 && value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String):
                text.Append('\n');
                foreach (var item in value.EnumerateArray())
                {
                    text.Append("  - ").Append(YamlScalarWriter.Format(item.GetString()!)).Append('\n');
                }

                break;
            default:
                text.Append(' ').Append(value.GetRawText()).Append('\n');
                break;
        }
    }
}
