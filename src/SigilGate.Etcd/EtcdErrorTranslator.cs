using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using Grpc.Core;
using SigilGate.Domain.Configuration;
using SigilGate.Domain.Store;

namespace SigilGate.Etcd;

/// <summary>
/// Runs one etcd call under the configured deadline and turns gRPC failures into the port's
/// exceptions, once, here. Messages name the endpoints and the setting to check, never the password,
/// and say what happened in the operator's words ("connection refused", "no leader"), never gRPC's
/// ("Error connecting to subchannel", "Status(StatusCode=...)") or a .NET exception's type.
/// </summary>
/// <param name="diagnose">
/// Asked after a deadline: why no answer came, when it can tell (<see cref="EtcdDiagnosis"/>). A member
/// of a cluster that lost its majority takes requests and waits for a leader until the deadline, and
/// refused connections retried until the deadline end there too, so the deadline alone says little.
/// </param>
internal sealed class EtcdErrorTranslator(EtcdSettings settings, Func<Task<string?>>? diagnose = null)
{
    private readonly TimeSpan timeout = TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds));

    private string Endpoints => string.Join(", ", settings.EndpointList);

    public async Task<T> Run<T>(string action, Func<DateTime, Task<T>> call, CancellationToken cancellationToken = default)
    {
        // gRPC deadlines are absolute and must be UTC.
        var deadline = DateTime.UtcNow + timeout;
        try
        {
            return await call(deadline).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.DeadlineExceeded && !cancellationToken.IsCancellationRequested)
        {
            throw await DiagnoseAsync().ConfigureAwait(false) is { } reason ? Unavailable(action, reason, e) : Translate(action, e);
        }
        catch (RpcException e)
        {
            throw Translate(action, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Grpc.Net.Client's retry throws this, not an RpcException, when the deadline ends while
            // it reads the answer of a member that died under the call (seen with a killed leader),
            // and at times while it still connects to an etcd that is down. To the operator both
            // are the same deadline, so both read as the RpcException's would.
            if (await DiagnoseAsync().ConfigureAwait(false) is { } reason) throw Unavailable(action, reason, e);
            throw new StoreUnavailableException($"{Unreachable(action)}; no answer came, a member may have gone down", e);
        }
    }

    public StoreException Translate(string action, RpcException error)
    {
        // Failures inside dotnet-etcd's token handler (authenticating on the first call) arrive
        // wrapped as a transport error; the etcd answer that caused them is the one to report.
        var inner = FindInner<RpcException>(error.Status.DebugException) ?? error;
        var detail = inner.Status.Detail;

        if (FindInner<AuthenticationException>(error.Status.DebugException) is { } tls)
        {
            return new StoreException($"TLS handshake with etcd at {Endpoints} failed: {TlsReason(tls)}; check Etcd:CaFile, Etcd:CertFile and Etcd:KeyFile", error);
        }

        return inner.StatusCode switch
        {
            StatusCode.DeadlineExceeded => new StoreUnavailableException(Unreachable(action), error),
            StatusCode.Unavailable when Has(detail, "no leader") => Unavailable(action, EtcdDiagnosis.NoLeader, error),
            StatusCode.Unavailable => Unavailable(action, EtcdConnectionFailure.Describe(inner, settings), error),

            // Under load the client can give up on the connection before gRPC calls it Unavailable:
            // "Internal: Error starting gRPC call", with the HTTP failure underneath (seen with a TLS 1.3
            // server refusing the client certificate). It is the same failure to connect.
            StatusCode.Internal when FindInner<HttpRequestException>(inner.Status.DebugException) is not null =>
                Unavailable(action, EtcdConnectionFailure.Describe(inner, settings), error),
            _ when Has(detail, "required revision has been compacted") => new StoreCompactedException($"etcd at {Endpoints} could not {action}: the revision asked for has been compacted ({Short(detail)})", error),
            _ when Has(detail, "too many operations") => new StoreException($"etcd rejected the request to {action}: {detail}; the server's --max-txn-ops is lower than this transaction (Etcd:MaxTxnOps is {settings.MaxTxnOps})", error),
            _ when Has(detail, "request is too large") || inner.StatusCode == StatusCode.ResourceExhausted => new StoreException($"etcd rejected the request to {action} as too large ({Short(detail)}); the server's --max-request-bytes caps one request", error),
            _ when Has(detail, "duplicate key") => new StoreException($"etcd refused the request to {action}: {detail}; a key may be written only once per transaction", error),
            _ when Has(detail, "authentication failed") => new StoreException($"etcd authentication failed for user '{settings.Username}': check Etcd:Username and the password in Etcd:PasswordFile ({settings.PasswordFile})", error),
            _ when Has(detail, "authentication is not enabled") => new StoreException($"Etcd:Username is set but authentication is not enabled on etcd at {Endpoints}: remove Etcd:Username/Etcd:PasswordFile or run 'etcdctl auth enable'", error),
            _ when Has(detail, "user name is empty") || inner.StatusCode == StatusCode.Unauthenticated => new StoreException($"etcd at {Endpoints} requires authentication ({detail}): set Etcd:Username and Etcd:PasswordFile", error),
            StatusCode.PermissionDenied => new StoreException($"etcd user '{settings.Username}' may not {action} ({detail}): grant the user's role read-write on the sigil prefix (etcdctl role grant-permission --prefix)", error),
            StatusCode.Cancelled => new StoreUnavailableException($"etcd call to {action} at {Endpoints} was cancelled ({Short(detail)})", error),
            _ => new StoreException($"etcd at {Endpoints} failed to {action}: {Short(detail)}", error),
        };
    }

    // A cluster that lost its quorum answers no request either: a member that is up waits for a
    // leader until the deadline, so the operator is told to count members, not only to check the network.
    private string Unreachable(string action) =>
        $"etcd unreachable at {Endpoints} while trying to {action}: deadline exceeded after {timeout.TotalSeconds:0} s" +
        (settings.EndpointList.Count > 1 ? "; if some members are up, the cluster may have lost its quorum: a majority of members must be up" : "");

    private StoreUnavailableException Unavailable(string action, string reason, Exception error) =>
        new($"etcd unavailable at {Endpoints} while trying to {action}: {reason}", error);

    private async Task<string?> DiagnoseAsync()
    {
        try
        {
            return diagnose is null ? null : await diagnose().ConfigureAwait(false);
        }
        catch (Exception e) when (e is RpcException or OperationCanceledException or SocketException)
        {
            return null;
        }
    }

    /// <summary>
    /// A refusal by our own validation callback (EtcdTls) comes back as .NET's generic "rejected by
    /// the provided RemoteCertificateValidationCallback"; say what the callback checks instead.
    /// </summary>
    private string TlsReason(AuthenticationException tls) =>
        settings.CaFile is not null && Has(tls.Message, nameof(System.Net.Security.RemoteCertificateValidationCallback))
            ? $"etcd's server certificate does not chain to the CA in {settings.CaFile} (Etcd:CaFile) or does not name the endpoint's host"
            : tls.Message.TrimEnd('.');

    private static bool Has(string detail, string text) => detail.Contains(text, StringComparison.OrdinalIgnoreCase);

    // etcd's own errors read "etcdserver: <what>"; the "what" is the message.
    private static string Short(string detail) => string.IsNullOrWhiteSpace(detail) ? "no detail" : detail.Trim().Replace("etcdserver: ", "", StringComparison.Ordinal);

    internal static T? FindInner<T>(Exception? error)
        where T : Exception
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
