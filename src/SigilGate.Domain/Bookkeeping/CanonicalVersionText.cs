using System.Globalization;
using SigilGate.Domain.Records;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Bookkeeping;

/// <summary>
/// Recognises a valid version in exactly the form <see cref="VersionJson.Write"/> gives it (fields in
/// its order, no spaces, no escapes), without parsing it as JSON: the check of every version key of
/// a large prefix reads 100,000 of them. What it takes, <see cref="VersionJson.Parse"/> takes; anything
/// else, valid or not, is for the reader to judge and name.
/// </summary>
internal static class CanonicalVersionText
{
    // A vector naming more writers than this is left to the reader.
    private const int MostWriters = 16;

    public static bool IsValid(ReadOnlySpan<char> text)
    {
        if (!Skip(ref text, "{\"sha256\":\"") || text.Length < 64 || !LowercaseHex.IsAll(text[..64])) return false;
        text = text[64..];
        if (!Skip(ref text, "\",\"time\":\"") || !String(ref text, out var time)) return false;
        if (!BookkeepingTime.TryParse(time, out var parsed) || !BookkeepingTime.IsInRange(parsed)) return false;
        return Skip(ref text, ",\"vector\":{") && Vector(ref text)
            && Skip(ref text, "},\"writer\":\"") && String(ref text, out var writer) && RecordPath.IsValidId(writer)
            && text.SequenceEqual("}");
    }

    private static bool Vector(ref ReadOnlySpan<char> text)
    {
        if (text.StartsWith('}')) return true;
        Span<(int Start, int Length)> seen = stackalloc (int, int)[MostWriters];
        var whole = text;
        for (var count = 0; count < MostWriters; count++)
        {
            var start = whole.Length - text.Length + 1;
            if (!Skip(ref text, "\"") || !String(ref text, out var writer) || !RecordPath.IsValidId(writer)) return false;
            for (var i = 0; i < count; i++)
            {
                if (whole.Slice(seen[i].Start, seen[i].Length).SequenceEqual(writer)) return false;
            }

            seen[count] = (start, writer.Length);
            if (!Skip(ref text, ":") || !Counter(ref text)) return false;
            if (!text.StartsWith(',')) return true;
            text = text[1..];
        }

        return false;
    }

    // A JSON whole number without a sign, leading zeros, fraction or exponent, from 0 to the limit.
    private static bool Counter(ref ReadOnlySpan<char> text)
    {
        var digits = text.IndexOfAnyExceptInRange('0', '9');
        if (digits < 0) digits = text.Length;
        if (digits is 0 or > 16 || (digits > 1 && text[0] == '0')) return false;
        if (!long.TryParse(text[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var counter) || counter > CounterLimit.Max) return false;
        text = text[digits..];
        return true;
    }

    // The rest of a string whose opening quote was read, up to its closing quote; none with an escape
    // or a control character (JSON allows neither unescaped).
    private static bool String(ref ReadOnlySpan<char> text, out ReadOnlySpan<char> value)
    {
        var end = text.IndexOfAny('"', '\\');
        value = end < 0 ? default : text[..end];
        if (end < 0 || text[end] != '"' || value.IndexOfAnyInRange('\0', '\u001f') >= 0) return false;
        text = text[(end + 1)..];
        return true;
    }

    private static bool Skip(ref ReadOnlySpan<char> text, string expected)
    {
        if (!text.StartsWith(expected, StringComparison.Ordinal)) return false;
        text = text[expected.Length..];
        return true;
    }
}
