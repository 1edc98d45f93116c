using System.Globalization;

namespace SigilGate.Domain.Bookkeeping;

/// <summary>The times of bookkeeping values: ISO 8601 with a zone, as the suite writes them, from 1970 on.</summary>
public static class BookkeepingTime
{
    /// <summary>Reads a time that carries its zone ("2026-11-23T10:00:00" alone would be local time, which differs by machine).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out time) && HasZone(text);

    public static bool IsInRange(DateTimeOffset time) => time >= DateTimeOffset.UnixEpoch;

    private static bool HasZone(ReadOnlySpan<char> text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
