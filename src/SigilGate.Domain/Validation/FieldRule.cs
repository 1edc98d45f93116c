using SigilGate.Domain.Records;

namespace SigilGate.Domain.Validation;

/// <summary>
/// One field of a record: its name, shape, whether it must be present, and a check of each string
/// value that returns the whole message for a bad value (or null when the value is fine).
/// </summary>
internal sealed record FieldRule(string Name, FieldType Type, bool Required)
{
    /// <summary>Checks a string value (or each item of a list) in the context of the file it is in.</summary>
    public Func<string, RecordPath, string?>? Check { get; init; }

    /// <summary>Written to JSON when the field is absent, so the canonical form is always complete.</summary>
    public object? Default { get; init; }

    /// <summary>For lists: at least one item.</summary>
    public bool NonEmpty { get; init; }

    public static FieldRule RequiredString(string name, Func<string, RecordPath, string?>? check = null) =>
        new(name, FieldType.String, true) { Check = check };

    public static FieldRule OptionalString(string name, Func<string, RecordPath, string?>? check = null) =>
        new(name, FieldType.String, false) { Check = check };
}
