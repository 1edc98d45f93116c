namespace SigilGate.Domain.Validation;

/// <summary>
/// Durations in exactly the form Go's <c>time.ParseDuration</c> accepts (<c>30s</c>, <c>1m30s</c>,
/// <c>1.5h</c>, <c>300ms</c>, <c>-2h45m</c>, <c>0</c>), because node agents read them with it: an
/// optional sign, then one or more decimal numbers each with a unit (ns, us, µs, μs, ms, s, m, h),
/// ASCII digits only, no spaces, at most 2^63-1 nanoseconds. A port of Go's parser (src/time/format.go),
/// so that what passes here is what Go reads, to the nanosecond.
/// </summary>
internal static class GoDuration
{
    private const ulong Limit = 1UL << 63;

    private const string TooLong = "it is longer than Go's durations (about 292 years)";

    /// <summary>The duration in nanoseconds, or null with the reason (Go's own cases) when <paramref name="text"/> is not one.</summary>
    public static long? Parse(string text, out string? problem)
    {
        problem = null;
        var s = text.AsSpan();
        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s is "0") return 0;
        if (s.IsEmpty) return Fail("it is empty", out problem);

        ulong total = 0;
        while (!s.IsEmpty)
        {
            if (!(s[0] == '.' || char.IsAsciiDigit(s[0]))) return Fail("a number must come before each unit", out problem);

            var before = s.Length;
            if (!LeadingInt(ref s, out var whole)) return Fail(TooLong, out problem);
            var hasWhole = before != s.Length;

            ulong fraction = 0;
            double scale = 1;
            var hasFraction = false;
            if (!s.IsEmpty && s[0] == '.')
            {
                s = s[1..];
                var afterDot = s.Length;
                LeadingFraction(ref s, out fraction, out scale);
                hasFraction = afterDot != s.Length;
            }

            if (!hasWhole && !hasFraction) return Fail("a number must have digits", out problem);

            var end = 0;
            while (end < s.Length && s[end] != '.' && !char.IsAsciiDigit(s[end])) end++;
            if (end == 0) return Fail("each number needs a unit", out problem);
            var unitText = s[..end].ToString();
            s = s[end..];
            if (Unit(unitText) is not { } unit) return Fail($"unknown unit {Yaml.MessageText.Quote(unitText)}", out problem);

            if (whole > Limit / unit) return Fail(TooLong, out problem);
            whole *= unit;
            if (fraction > 0)
            {
                whole += (ulong)(fraction * (unit / scale));
                if (whole > Limit) return Fail(TooLong, out problem);
            }

            total += whole;
            if (total > Limit) return Fail(TooLong, out problem);
        }

        if (negative) return total == Limit ? long.MinValue : -(long)total;
        if (total > Limit - 1) return Fail(TooLong, out problem);
        return (long)total;
    }

    /// <summary>The message for a field that must hold a positive duration (an interval), or null when it does.</summary>
    public static string? Problem(string text, string field)
    {
        var quoted = Yaml.MessageText.Quote(text);
        if (Parse(text, out var problem) is not { } nanoseconds)
        {
            return problem == TooLong
                ? $"'{field}' must be at most 2562047h47m16.854775807s, got {quoted}"
                : $"'{field}' must be a duration such as 30s, 1m30s, 500ms or 2h, got {quoted}";
        }

        // An interval of zero or less would mean "all the time" or "never": neither is a schedule.
        return nanoseconds > 0 ? null : $"'{field}' must be greater than 0, got {quoted}";
    }

    private static long? Fail(string reason, out string? problem)
    {
        problem = reason;
        return null;
    }

    // Go's leadingInt: [0-9]*, failing past 2^63.
    private static bool LeadingInt(ref ReadOnlySpan<char> s, out ulong value)
    {
        value = 0;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (value > Limit / 10) return false;
            value = (value * 10) + (ulong)(s[i] - '0');
            if (value > Limit) return false;
        }

        s = s[i..];
        return true;
    }

    // Go's leadingFraction: [0-9]*, digits past what fits are ignored (they cannot change the result).
    private static void LeadingFraction(ref ReadOnlySpan<char> s, out ulong value, out double scale)
    {
        value = 0;
        scale = 1;
        var overflow = false;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (overflow) continue;
            if (value > (Limit - 1) / 10)
            {
                overflow = true;
                continue;
            }

            var next = (value * 10) + (ulong)(s[i] - '0');
            if (next > Limit)
            {
                overflow = true;
                continue;
            }

            value = next;
            scale *= 10;
        }

        s = s[i..];
    }

    private static ulong? Unit(string unit) => unit switch
    {
        "ns" => 1,
        "us" or "\u00b5s" or "\u03bcs" => 1_000,
        "ms" => 1_000_000,
        "s" => 1_000_000_000,
        "m" => 60_000_000_000,
        "h" => 3_600_000_000_000,
        _ => null,
    };
}
