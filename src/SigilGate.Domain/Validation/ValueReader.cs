using SigilGate.Domain.Records;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Validation;

/// <summary>Reads one field's value by its rule; null (after reporting) when the value is wrong.</summary>
internal static class ValueReader
{
    public static object? Read(FieldRule rule, YamlNode value, RecordPath path, FileDiagnostics report) => rule.Type switch
    {
        FieldType.String => ReadString(rule, value, path, report),
        FieldType.Boolean => ReadBoolean(rule, value, report),
        FieldType.StringList => ReadStringList(rule, value, path, report),
        FieldType.Counters => ReadCounters(rule, value, report),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Type, "unknown field type"),
    };

    private static string? ReadString(FieldRule rule, YamlNode value, RecordPath path, FileDiagnostics report)
    {
        if (value is not YamlScalar scalar)
        {
            report.At(value, $"'{rule.Name}' must be a string, got {value.Describe()}");
            return null;
        }

        if (scalar.IsNull || scalar.Value.Length == 0)
        {
            report.At(value, $"'{rule.Name}' must not be empty");
            return null;
        }

        return Checked(rule, scalar, path, report);
    }

    private static object? ReadBoolean(FieldRule rule, YamlNode value, FileDiagnostics report)
    {
        if (value is YamlScalar { IsPlain: true, Value: "true" or "false" } scalar) return scalar.Value == "true";
        report.At(value, $"'{rule.Name}' must be true or false, got {value.Describe()}");
        return null;
    }

    private static List<string>? ReadStringList(FieldRule rule, YamlNode value, RecordPath path, FileDiagnostics report)
    {
        if (value is not YamlSequence sequence)
        {
            report.At(value, $"'{rule.Name}' must be a list, got {value.Describe()}");
            return null;
        }

        if (rule.NonEmpty && sequence.Items.Count == 0)
        {
            report.At(value, $"'{rule.Name}' must not be empty");
            return null;
        }

        var items = new List<string>(sequence.Items.Count);
        var allGood = true;
        foreach (var item in sequence.Items)
        {
            if (item.IsRejected)
            {
                allGood = false;
                continue;
            }

            if (item is not YamlScalar scalar || scalar.IsNull || scalar.Value.Length == 0)
            {
                report.At(item, $"'{rule.Name}' items must be non-empty strings, got {item.Describe()}");
                allGood = false;
                continue;
            }

            var checkedItem = Checked(rule, scalar, path, report);
            if (checkedItem is null) allGood = false;
            else items.Add(checkedItem);
        }

        return allGood ? items : null;
    }

    private static Dictionary<string, long>? ReadCounters(FieldRule rule, YamlNode value, FileDiagnostics report)
    {
        if (value is not YamlMapping mapping)
        {
            report.At(value, $"'{rule.Name}' must be a mapping of writer id to counter, got {value.Describe()}");
            return null;
        }

        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        var allGood = true;
        foreach (var (key, counter) in mapping.Entries)
        {
            if (!RecordPath.IsValidId(key.Value))
            {
                report.At(key, $"writer id {MessageText.Quote(key.Value)} must match {RecordPath.IdPattern()}");
                allGood = false;
            }
            else if (counter is YamlScalar { IsPlain: true } number && IsPositiveWholeNumber(number.Value, out var parsed))
            {
                counters[key.Value] = parsed;
            }
            else if (counter is YamlScalar { IsPlain: true } large && IsAboveLimit(large.Value))
            {
                report.At(counter, Versioning.CounterLimit.TooLarge(key.Value, large.Value));
                allGood = false;
            }
            else if (!counter.IsRejected)
            {
                report.At(counter, $"the counter of '{key.Value}' must be a positive whole number, got {counter.Describe()}");
                allGood = false;
            }
        }

        return allGood ? counters : null;
    }

    private static bool IsPositiveWholeNumber(string text, out long value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }

        return long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out value) && value is > 0 and <= Versioning.CounterLimit.Max;
    }

    // All digits and more than the limit (a long or not): said so, rather than "not a number".
    private static bool IsAboveLimit(string text) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && System.Numerics.BigInteger.Parse(text, System.Globalization.CultureInfo.InvariantCulture) > Versioning.CounterLimit.Max;

    private static string? Checked(FieldRule rule, YamlScalar scalar, RecordPath path, FileDiagnostics report)
    {
        var problem = rule.Check?.Invoke(scalar.Value, path);
        if (problem is null) return scalar.Value;
        report.At(scalar, problem);
        return null;
    }
}
