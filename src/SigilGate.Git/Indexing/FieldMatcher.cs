using System.Text;

namespace SigilGate.Git;

/// <summary>
/// Whether a field of a kept index line is one of a set of values, asked of every line of the file:
/// a few values (a push's usual handful) are compared as bytes, many are looked up by hash.
/// </summary>
internal sealed class FieldMatcher
{
    private const int CompareUpTo = 16;

    private readonly byte[][] _few;
    private readonly HashSet<string> _many;

    /// <param name="fields">The values as the file spells them.</param>
    public FieldMatcher(IEnumerable<string> fields)
    {
        _many = fields.ToHashSet(StringComparer.Ordinal);
        _few = _many.Count <= CompareUpTo ? [.. _many.Select(Encoding.UTF8.GetBytes)] : [];
    }

    public bool IsEmpty => _many.Count == 0;

    public bool Contains(ReadOnlySpan<byte> field)
    {
        if (_many.Count == 0) return false;
        if (_many.Count > CompareUpTo) return _many.Contains(Encoding.UTF8.GetString(field));
        foreach (var value in _few)
        {
            if (field.SequenceEqual(value)) return true;
        }

        return false;
    }
}
