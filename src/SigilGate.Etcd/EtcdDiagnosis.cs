using System.Net.Sockets;
using dotnet_etcd;
using Etcdserverpb;
using Grpc.Core;
using SigilGate.Domain.Configuration;

namespace SigilGate.Etcd;

/// <summary>
/// Why a call ran into its deadline, asked afterwards with short probes: a member that answers it
/// has no leader (a cluster that lost its majority), or every endpoint refusing connections (etcd
/// not running: gRPC retries refused connections until the deadline and then says only that).
/// </summary>
internal static class EtcdDiagnosis
{
    public const string NoLeader = "no leader (is a majority of the members up?)";

    public const string Refused = "connection refused (is etcd running and listening there?)";

    // Short: the probes run after a call has already waited out its deadline.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(1);

    public static async Task<string?> DiagnoseAsync(EtcdClient client, EtcdSettings settings)
    {
        if (await HasNoLeaderAsync(client).ConfigureAwait(false)) return NoLeader;
        var refused = await Task.WhenAll(settings.EndpointList.Select(IsRefusedAsync)).ConfigureAwait(false);
        return refused.All(r => r) ? Refused : null;
    }

    /// <summary>
    /// An empty transaction sent with etcd's "hasleader" metadata, which a member without a leader
    /// refuses at once with "etcdserver: no leader" (rpctypes.MetadataRequireLeaderKey, checked by
    /// etcd's gRPC interceptor) instead of waiting for one.
    /// </summary>
    private static async Task<bool> HasNoLeaderAsync(EtcdClient client)
    {
        try
        {
            await client.TransactionAsync(new TxnRequest(), new Metadata { { "hasleader", "true" } }, DateTime.UtcNow + Wait).ConfigureAwait(false);
            return false;
        }
        catch (RpcException e)
        {
            return e.Status.Detail.Contains("no leader", StringComparison.OrdinalIgnoreCase);
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
