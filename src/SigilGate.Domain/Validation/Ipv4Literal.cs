using System.Buffers;
using System.Globalization;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Validation;

/// <summary>
/// IPv4 literals read strictly. inet_aton(3), which getaddrinfo and many programs use, reads
/// <c>010.2.0.1</c> as 8.2.0.1 (octal), <c>0x0a.2.0.1</c> as 10.2.0.1, <c>10.2.1</c> and
/// <c>167903233</c> as whole numbers, while other parsers read them as decimal or refuse them:
/// one spelling, two machines. Only four decimal numbers 0-255 without leading zeros are taken.
/// </summary>
internal static class Ipv4Literal
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>
    /// Whether a host is meant as an IPv4 literal: its last label is a number (decimal, or hex
    /// with <c>0x</c>), the rule URL parsers apply (WHATWG URL, "ends in a number"). Such a host
    /// is never a DNS name (no top-level domain is numeric).
    /// </summary>
    public static bool LooksLikeOne(string host)
    {
        var last = host.AsSpan(host.LastIndexOf('.') + 1);
        if (last.Length == 0) return false;
        if (!last.ContainsAnyExceptInRange('0', '9')) return true;
        return last.Length >= 2 && last[0] == '0' && last[1] is 'x' or 'X' && last[2..].IndexOfAnyExcept(HexDigits) < 0;
    }

    /// <summary>Null when <paramref name="text"/> is four decimal numbers 0-255 without leading zeros, else what is wrong.</summary>
    public static string? Problem(string text)
    {
        // Read without a string per number: every Entry node's address passes here.
        var span = text.AsSpan();
        Span<Range> ranges = stackalloc Range[5];
        var count = span.Split(ranges, '.');
        var numbers = ranges[..count];
        var dottedDecimal = count == 4;
        foreach (var range in numbers) dottedDecimal &= span[range].Length > 0 && !span[range].ContainsAnyExceptInRange('0', '9');
        if (!dottedDecimal)
        {
            return $"address host {MessageText.Quote(text)} is not an IPv4 address in dotted-decimal form (four numbers 0-255, such as 10.0.0.1)";
        }

        foreach (var range in numbers)
        {
            var part = span[range];
            if (part.Length > 1 && part[0] == '0')
            {
                var written = part.TrimStart('0') is { Length: > 0 } digits ? digits.ToString() : "0";
                return $"address host {MessageText.Quote(text)} is ambiguous: a number with a leading zero is octal to some resolvers and decimal to others (write {MessageText.Quote(written)})";
            }

            if (part.Length > 3 || int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture) > 255)
            {
                return $"address host {MessageText.Quote(text)} is not an IPv4 address: {MessageText.Clean(part.ToString())} is over 255";
            }
        }

        return null;
    }
}
