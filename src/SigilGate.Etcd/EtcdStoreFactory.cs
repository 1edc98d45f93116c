using SigilGate.Domain.Configuration;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Ports;

namespace SigilGate.Etcd;

/// <summary>Opens the etcd cluster named by the <c>Etcd</c> settings as an <see cref="IKeyValueStore"/>.</summary>
public static class EtcdStoreFactory
{
    /// <summary>
    /// Creates a store over every endpoint of <paramref name="settings"/>. No request is sent yet,
    /// so an unreachable cluster is reported by the first call, not here.
    /// </summary>
    /// <exception cref="StoreException">The password, certificate or key file cannot be read, or the TLS settings contradict the endpoints.</exception>
    public static IKeyValueStore Create(EtcdSettings settings) => CreateStore(settings);

    internal static EtcdKeyValueStore CreateStore(EtcdSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var client = EtcdClientBuilder.Build(settings);
        return new EtcdKeyValueStore(client, new EtcdErrorTranslator(settings, () => EtcdDiagnosis.DiagnoseAsync(client, settings)));
    }
}
