using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SigilGate.Core.Yaml;

namespace SigilGate.Core.Validation;

/// <summary>
/// A node address, <c>host:port</c>, with IPv6 hosts in brackets (<c>[::1]:443</c>) as URLs and
/// Go's net.JoinHostPort write them: a bare IPv6 address cannot be told apart from its port.
/// </summary>
internal readonly record struct HostPort(string Host, int Port)
{
    /// <summary>The form two addresses are compared in: host lowercased, IPv6 compressed, port as a number.</summary>
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
            if (!IPAddress.TryParse(host, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return $"address host {MessageText.Quote(host)} in brackets must be an IPv6 address";
            }

            host = ip.ToString();
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
            host = host.ToLowerInvariant();
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
