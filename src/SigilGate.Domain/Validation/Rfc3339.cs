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

    public static string? Problem(string text, string field) => TryParse(text, out _)
        ? null
        : $"'{field}' must be an RFC 3339 timestamp such as 2026-11-23T10:00:00Z, got {Yaml.MessageText.Quote(text)}";
}
