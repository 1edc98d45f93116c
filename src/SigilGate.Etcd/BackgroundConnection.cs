using SigilGate.Domain.Configuration;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Ports;

namespace SigilGate.Etcd;

/// <summary>
/// Creates the store and makes its first call on another thread while the caller goes on. A
/// process's first etcd call spends about 5 ms on set-up (the channel, the HTTP/2 connection,
/// gRPC's types for the call) before etcd is even asked; post-receive opens the repository
/// meanwhile (about 3 ms: libgit2 and the TLS libraries it loads).
/// </summary>
public sealed class BackgroundConnection : IAsyncDisposable
{
    private readonly CancellationTokenSource stop;
    private readonly Task<IKeyValueStore> connecting;

    private BackgroundConnection(EtcdSettings settings, CancellationToken cancellationToken)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        connecting = Task.Run(() => ConnectAsync(settings, token), token);
    }

    public static BackgroundConnection Start(EtcdSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new BackgroundConnection(settings, cancellationToken);
    }

    /// <summary>The connected store; throws the <see cref="StoreException"/> that creating or connecting it met.</summary>
    public Task<IKeyValueStore> StoreAsync() => connecting;

    private static async Task<IKeyValueStore> ConnectAsync(EtcdSettings settings, CancellationToken cancellationToken)
    {
        var store = EtcdStoreFactory.CreateStore(settings);
        try
        {
            await store.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Closes the store. A connection still under way (the caller gave up before it needed the
    /// store, say on a git error) is cancelled rather than waited out: etcd may be down.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            var store = await connecting.ConfigureAwait(false);
            await store.DisposeAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failure to connect was the caller's to see through StoreAsync; disposing never throws it again.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            stop.Dispose();
        }
    }
}
