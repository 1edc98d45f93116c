using System.Globalization;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Git;

/// <summary>
/// The date part of a commit's <c>author</c> or <c>committer</c> header as it is stored
/// (<c>Name &lt;email&gt; 1700000000 +0100</c>): Unix seconds, one space, a zone of a sign and
/// four digits within ±14:00. libgit2 reads a zone it cannot parse, or one of more than 14
/// hours, as +0000 (signature.c), so a forged <c>+1500</c> would pass unseen if the zone were
/// taken from the parsed commit; it is read here from the header's own text instead.
/// </summary>
public static class SignatureLine
{
    private const int LargestZoneMinutes = 14 * 60;

    /// <summary>What is wrong with the date of header <paramref name="field"/> (its value after the name), or null when nothing is.</summary>
    public static string? Problem(string field, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var emailEnd = value.LastIndexOf('>');
        if (emailEnd < 0) return $"its {field} line has no <email>";
        var parts = value[(emailEnd + 1)..].Split(' ');
        if (parts.Length != 3 || parts[0].Length != 0) return $"its {field} line does not end in '<email> SECONDS ZONE' (got {MessageText.Quote(value[(emailEnd + 1)..])})";
        if (parts[1].StartsWith('-') && parts[1].Length > 1 && parts[1][1..].All(char.IsAsciiDigit)) return $"its {field} date {MessageText.Quote(parts[1])} is before 1970-01-01 (dates must be from 1970 to 9999)";
        if (parts[1].Length == 0 || !parts[1].All(char.IsAsciiDigit)) return $"its {field} date {MessageText.Quote(parts[1])} is not a number of seconds";
        return ZoneProblem(parts[2]) is { } zone ? $"its {field} zone {MessageText.Quote(parts[2])} {zone}" : null;
    }

    private static string? ZoneProblem(string zone)
    {
        if (zone.Length != 5 || zone[0] is not ('+' or '-') || !zone[1..].All(char.IsAsciiDigit)) return "is not a sign and four digits (+HHMM or -HHMM)";
        var hours = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(zone.AsSpan(3, 2), CultureInfo.InvariantCulture);
        if (minutes > 59) return "has more than 59 minutes";
        return hours * 60 + minutes > LargestZoneMinutes ? "is beyond ±14:00" : null;
    }
}
