namespace SigilGate.Domain.Drift;

/// <summary>Ages as people read them: the two largest units, the second left out when zero (<c>45s</c>, <c>5m</c>, <c>5m12s</c>, <c>1h2m</c>, <c>3d</c>).</summary>
public static class AgeText
{
    public static string Format(long seconds)
    {
        seconds = Math.Max(0, seconds);
        return seconds switch
        {
            < 60 => $"{seconds}s",
            < 3600 => Two(seconds / 60, "m", seconds % 60, "s"),
            < 86400 => Two(seconds / 3600, "h", seconds / 60 % 60, "m"),
            _ => Two(seconds / 86400, "d", seconds / 3600 % 24, "h"),
        };
    }

    private static string Two(long major, string majorUnit, long minor, string minorUnit) =>
        minor == 0 ? $"{major}{majorUnit}" : $"{major}{majorUnit}{minor}{minorUnit}";
}
