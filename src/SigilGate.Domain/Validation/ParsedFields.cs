using SigilGate.Domain.Diagnostics;

namespace SigilGate.Domain.Validation;

/// <summary>
/// The values of a record file that passed their rules (a field with a bad value is left out),
/// with where each value was written, for the cross-file checks that report on it.
/// </summary>
internal sealed class ParsedFields
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Mark> _marks = new(StringComparer.Ordinal);

    /// <summary>string, bool, IReadOnlyList&lt;string&gt; or IReadOnlyDictionary&lt;string, long&gt;.</summary>
    public IReadOnlyDictionary<string, object> Values => _values;

    public void Set(string name, object value, Mark mark)
    {
        _values[name] = value;
        _marks[name] = mark;
    }

    public string? String(string name) => _values.GetValueOrDefault(name) as string;

    public Mark MarkOf(string name) => _marks.GetValueOrDefault(name, Mark.None);
}
