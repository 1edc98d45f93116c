using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Records;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Validation;

/// <summary>
/// Applies a record's field rules to its top-level mapping, reporting every unknown field, missing
/// field and bad value at the position of what is wrong.
/// </summary>
internal static class SchemaReader
{
    public static ParsedFields Read(RecordPath path, YamlMapping root, IReadOnlyList<FieldRule> rules, List<Diagnostic> diagnostics)
    {
        var fields = new ParsedFields();
        var present = new HashSet<string>(StringComparer.Ordinal);
        var report = new FileDiagnostics(path.Path, diagnostics);

        foreach (var (key, value) in root.Entries)
        {
            var rule = Find(rules, key.Value);
            if (rule is null)
            {
                report.At(key, $"unknown field {MessageText.Quote(key.Value)}");
                continue;
            }

            present.Add(rule.Name);
            if (value.IsRejected) continue;
            var parsed = ValueReader.Read(rule, value, path, report);
            if (parsed is not null) fields.Set(rule.Name, parsed, value.Start);
        }

        foreach (var rule in rules)
        {
            if (present.Contains(rule.Name)) continue;
            if (rule.Required) report.At(root, $"missing required field '{rule.Name}'");
            else if (rule.Default is not null) fields.Set(rule.Name, rule.Default, Mark.None);
        }

        return fields;
    }

    // Records have a handful of fields: a linear search beats hashing here.
    private static FieldRule? Find(IReadOnlyList<FieldRule> rules, string name)
    {
        foreach (var rule in rules)
        {
            if (rule.Name == name) return rule;
        }

        return null;
    }
}
