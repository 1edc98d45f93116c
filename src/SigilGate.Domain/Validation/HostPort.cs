using System.Globalization;
using System.Net.Sockets;
using System.Net;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Validation;

/// <summary>
/// A node address, <c>host:port</c>, with IPv6 hosts in brackets (<c>[::1]:443</c>) as URLs and
/// Go's net.JoinHostPort write them: a bare IPv6 address cannot be told apart from its port.
/// Parsing gives the canonical form two addresses are compared in, so that one address cannot
/// pass the uniqueness rule in another spelling: an IPv4 literal as four decimal numbers (other
/// spellings, which resolvers read differently, are refused, see <see cref="Ipv4Literal"/>); an
/// IPv6 literal compressed and lower-cased, an IPv4-mapped one (<c>::ffff:10.0.0.1</c>) as its
/// IPv4 address; a host name lower-cased without its trailing dot (<c>edge.example.</c> is the
/// fully qualified spelling of <c>edge.example</c>); the port as a number (<c>0443</c> is 443).
/// </summary>
internal readonly record struct HostPort(string Host, int Port)
{
    /// <summary>The canonical form two addresses are compared in (see the type's summary).</summary>
    public string Normalized => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary>Null when the text is an address, else the message that says what is wrong with it.</summary>
    public static string? Problem(string text) => Parse(text, out _);

    public static string? Parse(string text, out HostPort address)
    {
        address = default;
        string host, port;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf("]:", StringComparison.Ordinal);
            if (close < 0) return $"address must be host:port, got {MessageText.Quote(text)}";
            host = text[1..close];
            port = text[(close + 2)..];

            // RFC 4007 zones (fe80::1%eth0) name an interface of the machine that reads them: other
            // nodes cannot reach an address by it, and IPAddress would accept it silently.
            if (host.Contains('%', StringComparison.Ordinal))
            {
                return $"address host {MessageText.Quote(host)} has a zone (%...): a zone names an interface of one machine, which other nodes cannot reach it by; write the address without it";
            }

            // An IPv4 address written inside an IPv6 one (::ffff:10.0.0.1) is held to the same strict form.
            var last = host.LastIndexOf(':');
            if (last >= 0 && host.IndexOf('.', last + 1) >= 0 && Ipv4Literal.Problem(host[(last + 1)..]) is { } ambiguous) return ambiguous;
            if (!IPAddress.TryParse(host, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return $"address host {MessageText.Quote(host)} in brackets must be an IPv6 address";
            }

            host = ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4().ToString() : ip.ToString();
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon < 0) return $"address must be host:port, got {MessageText.Quote(text)}";
            host = text[..colon];
            port = text[(colon + 1)..];
            if (host.Contains(':', StringComparison.Ordinal))
            {
                return $"address must be host:port with an IPv6 host in brackets (such as [::1]:443), got {MessageText.Quote(text)}";
            }

            if (host.Length == 0) return $"address host must not be empty, got {MessageText.Quote(text)}";
            if (!IsHostName(host)) return $"address host {MessageText.Quote(host)} is not a host name or IP address";

            // One trailing dot is the fully qualified spelling of the same name (or IPv4 literal).
            var name = host.EndsWith('.') ? host[..^1] : host;
            if (name.Length == 0 || name.Split('.').Any(label => label.Length == 0))
            {
                return $"address host {MessageText.Quote(host)} has an empty label (two dots in a row, or a leading dot)";
            }

            if (Ipv4Literal.LooksLikeOne(name) && Ipv4Literal.Problem(name) is { } notIpv4) return notIpv4;
            host = name.ToLowerInvariant();
        }

        if (!IsPort(port, out var number))
        {
            return $"address port must be 1-65535, got {(port.Length == 0 ? "nothing" : MessageText.Clean(port))}";
        }

        address = new HostPort(host, number);
        return null;
    }

    // DNS names and IPv4 literals: letters, digits, '.', '-' and '_' (seen in service records).
    private static bool IsHostName(string host)
    {
        foreach (var c in host)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '_')) return false;
        }

        return true;
    }

    private static bool IsPort(string text, out int port)
    {
        port = 0;
        if (text.Length is 0 or > 10) return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535;
    }
}
