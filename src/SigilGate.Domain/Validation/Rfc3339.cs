using System.Globalization;
using System.Text.RegularExpressions;

namespace SigilGate.Domain.Validation;

/// <summary>
/// RFC 3339 timestamps (<c>2026-11-23T10:00:00Z</c>, <c>2026-11-23T12:00:00.5+02:00</c>): a date, a
/// time and a zone are all required, unlike the many forms DateTimeOffset.Parse would guess at.
/// </summary>
internal static partial class Rfc3339
{
    [GeneratedRegex(@"^([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt]([0-9]{2}:[0-9]{2}:[0-9]{2})(?:\.([0-9]+))?([Zz]|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string text, out DateTimeOffset time)
    {
        time = default;
        var match = Pattern().Match(text);
        if (!match.Success) return false;

        // .NET keeps 7 fractional digits (100 ns ticks); RFC 3339 allows any number.
        var fraction = match.Groups[3].Value;
        fraction = fraction.Length > 7 ? fraction[..7] : fraction;
        var zone = match.Groups[4].Value is "Z" or "z" ? "+00:00" : match.Groups[4].Value;
        var normalized = $"{match.Groups[1].Value}T{match.Groups[2].Value}.{fraction.PadRight(7, '0')}{zone}";
        return DateTimeOffset.TryParseExact(normalized, "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>
    /// Null for a timestamp; else the message. Two forms RFC 3339 allows cannot be held by .NET's
    /// DateTimeOffset, which every reader of the record uses: an offset beyond ±14:00 (no zone in use
    /// is wider) and the leap second :60. Each is named, rather than called "not RFC 3339".
    /// </summary>
    public static string? Problem(string text, string field)
    {
        if (TryParse(text, out _)) return null;
        var got = Yaml.MessageText.Quote(text);
        var match = Pattern().Match(text);
        if (match.Success && IsLeapSecond(match))
        {
            return $"'{field}' has second 60 (a leap second), which cannot be stored: write 59 or the next minute's 00, got {got}";
        }

        if (match.Success && OffsetBeyondLimit(match) is { } offset)
        {
            return $"'{field}' offset {offset} is beyond ±14:00: offsets must be within ±14:00 (the widest zone in use), got {got}";
        }

        return $"'{field}' must be an RFC 3339 timestamp such as 2026-11-23T10:00:00Z, got {got}";
    }

    // Valid but for its second 60: the same text with second 59 parses.
    private static bool IsLeapSecond(Match match) =>
        match.Groups[2].Value.EndsWith(":60", StringComparison.Ordinal) &&
        TryParse(Replaced(match, match.Groups[2], match.Groups[2].Value[..^2] + "59"), out _);

    // Valid RFC 3339 (hours 00-23, minutes 00-59) but for .NET's limit: the same text in UTC parses.
    private static string? OffsetBeyondLimit(Match match)
    {
        var zone = match.Groups[4].Value;
        if (zone is "Z" or "z") return null;
        var hours = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(zone.AsSpan(4, 2), CultureInfo.InvariantCulture);
        return hours <= 23 && minutes <= 59 && hours * 60 + minutes > 14 * 60 && TryParse(Replaced(match, match.Groups[4], "Z"), out _) ? zone : null;
    }

    private static string Replaced(Match match, Group group, string value) =>
        match.Value[..group.Index] + value + match.Value[(group.Index + group.Length)..];
}
