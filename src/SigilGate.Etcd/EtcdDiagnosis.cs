using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using dotnet_etcd;
using Etcdserverpb;
using Grpc.Core;
using SigilGate.Domain.Configuration;

namespace SigilGate.Etcd;

/// <summary>
/// Why a call ran into its deadline, asked afterwards with short probes: a member that answers it
/// has no leader (a cluster that lost its majority), every endpoint refusing connections (etcd
/// not running: gRPC retries refused connections until the deadline and then says only that), or
/// an http:// endpoint that completes a TLS handshake (etcd serves TLS and drops plain HTTP/2).
/// </summary>
internal static class EtcdDiagnosis
{
    public const string NoLeader = "no leader (is a majority of the members up?)";

    public const string Refused = "connection refused (is etcd running and listening there?)";

    public const string ServesTls = "the endpoint serves TLS, not plain http: use https:// endpoints and set Etcd:CaFile";

    public const string ServesPlain = "the TLS handshake failed: the server closed the connection (does it serve plain http? then use http:// endpoints)";

    // Short: the probes run after a call has already waited out its deadline.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(1);

    public static async Task<string?> DiagnoseAsync(EtcdClient client, EtcdSettings settings)
    {
        if (await HasNoLeaderAsync(client).ConfigureAwait(false)) return NoLeader;
        var refused = await Task.WhenAll(settings.EndpointList.Select(IsRefusedAsync)).ConfigureAwait(false);
        if (refused.All(r => r)) return Refused;
        var first = settings.EndpointList[0];
        var https = first.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
        return await ServesTlsAsync(first).ConfigureAwait(false) switch
        {
            true when !https => ServesTls,
            false when https => ServesPlain,
            _ => null,
        };
    }

    /// <summary>
    /// etcd's Status call, which a member answers without a leader (leader 0) rather than waiting
    /// for one. A request sent with etcd's "hasleader" metadata would be refused with "no leader"
    /// instead, but as Unavailable, which the channel retries until the deadline hides it.
    /// </summary>
    private static async Task<bool> HasNoLeaderAsync(EtcdClient client)
    {
        try
        {
            var status = await client.StatusAsync(new StatusRequest(), deadline: DateTime.UtcNow + Wait).ConfigureAwait(false);
            return status.Leader == 0;
        }
        catch (RpcException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether the endpoint speaks TLS: true when a handshake completes (whatever the certificate)
    /// or ends in a TLS alert, false when the server closes the connection without a TLS answer,
    /// null when it cannot be reached in time.
    /// </summary>
    private static async Task<bool?> ServesTlsAsync(string endpoint)
    {
        var uri = new Uri(endpoint);
        using var socket = new TcpClient();
        using var timeout = new CancellationTokenSource(Wait);
        try
        {
            await socket.ConnectAsync(uri.Host, uri.Port, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return null;
        }

        try
        {
            await using var tls = new SslStream(socket.GetStream(), leaveInnerStreamOpen: false);
            var options = new SslClientAuthenticationOptions { TargetHost = uri.Host, RemoteCertificateValidationCallback = (_, _, _, _) => true };
            await tls.AuthenticateAsClientAsync(options, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (AuthenticationException)
        {
            // A TLS alert (a client certificate required, say): the server speaks TLS.
            return true;
        }
        catch (IOException)
        {
            // Closed without a TLS answer: a plain server dropping bytes it cannot read.
            return false;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static async Task<bool> IsRefusedAsync(string endpoint)
    {
        var uri = new Uri(endpoint);
        using var socket = new TcpClient();
        using var timeout = new CancellationTokenSource(Wait);
        try
        {
            await socket.ConnectAsync(uri.Host, uri.Port, timeout.Token).ConfigureAwait(false);
            return false;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode == SocketError.ConnectionRefused;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
