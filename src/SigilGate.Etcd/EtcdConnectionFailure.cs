using System.Net.Http;
using System.Net.Sockets;
using Grpc.Core;
using SigilGate.Domain.Configuration;

namespace SigilGate.Etcd;

/// <summary>
/// Why no member could be reached, in the operator's words. gRPC reports every such failure as
/// "Unavailable" with its own wording ("Error connecting to subchannel.", "Error starting gRPC
/// call. HttpRequestException: ..."); the reason is the socket or TLS error underneath.
/// </summary>
internal static class EtcdConnectionFailure
{
    public static string Describe(RpcException error, EtcdSettings settings)
    {
        var https = settings.EndpointList.Any(e => e.StartsWith("https:", StringComparison.OrdinalIgnoreCase));
        var cause = error.Status.DebugException;
        if (EtcdErrorTranslator.FindInner<SocketException>(cause) is { } socket) return Socket(socket, https);
        if (EtcdErrorTranslator.FindInner<HttpRequestException>(cause) is { } http)
        {
            switch (http.HttpRequestError)
            {
                case HttpRequestError.SecureConnectionError:
                    return "the TLS handshake failed: the server closed the connection" + (https ? " (does it serve plain http? then use http:// endpoints)" : "");
                case HttpRequestError.NameResolutionError:
                    return "host not found (check the host names in Etcd:Endpoints)";
                case HttpRequestError.ConnectionError:
                    return "could not connect (is etcd running and listening there?)";
                case HttpRequestError.HttpProtocolError or HttpRequestError.InvalidResponse when !https:
                    return "the server does not answer plain HTTP/2 (does it serve TLS? then use https:// endpoints and set Etcd:CaFile)";
            }
        }

        // With TLS 1.3 the server checks the client certificate after the handshake, so a refused
        // certificate shows up as a connection closed before the first answer, like a network fault.
        return https
            ? "the connection closed before etcd answered (check that etcd accepts the client certificate in Etcd:CertFile/Etcd:KeyFile)"
            : "the connection closed before etcd answered (is it etcd's client port? if it serves TLS, use https:// endpoints and set Etcd:CaFile)";
    }

    // An etcd that serves TLS resets a plain HTTP/2 connection, or closes it: on an http:// endpoint say so.
    private static string Socket(SocketException socket, bool https) => socket.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused (is etcd running and listening there?)",
        SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => "host not found (check the host names in Etcd:Endpoints)",
        SocketError.TimedOut => "connection timed out (is the host up, and does a firewall let the port through?)",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "host unreachable (check the network and the addresses in Etcd:Endpoints)",
        SocketError.ConnectionReset => "connection reset by the server" + (https ? "" : " (if it serves TLS, use https:// endpoints and set Etcd:CaFile)"),
        _ => socket.Message.TrimEnd('.').ToLowerInvariant(),
    };
}
