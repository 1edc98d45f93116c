using System.Globalization;

namespace SigilGate.Domain.Drift;

/// <summary>Times as drift writes them: RFC 3339, UTC, whole seconds (<c>2026-11-23T10:05:00Z</c>).</summary>
public static class Timestamps
{
    public static DateTimeOffset ToSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    public static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
}
