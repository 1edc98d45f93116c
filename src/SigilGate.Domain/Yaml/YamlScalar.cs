using SigilGate.Domain.Diagnostics;

namespace SigilGate.Domain.Yaml;

/// <summary>
/// A scalar exactly as written. Only the style is kept, not a type: the schema decides what a
/// value means, so <c>yes</c> is never silently a boolean and <c>"true"</c> stays a string.
/// </summary>
public sealed class YamlScalar(Mark start, string value, bool isPlain) : YamlNode(start)
{
    public string Value { get; } = value;

    /// <summary>Written without quotes (or, for JSON, a literal: number, true, false, null).</summary>
    public bool IsPlain { get; } = isPlain;

    /// <summary>YAML's null: an empty plain value, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() =>
        IsNull ? "an empty value"
        : IsPlain ? MessageText.Quote(Value)
        : "the quoted string " + MessageText.Quote(Value);
}
