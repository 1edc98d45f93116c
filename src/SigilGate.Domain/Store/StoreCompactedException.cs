namespace SigilGate.Domain.Store;

/// <summary>
/// A read asked for a revision that etcd has compacted away: nothing is wrong with the cluster,
/// the reader only has to take a newer snapshot.
/// </summary>
public sealed class StoreCompactedException(string message, Exception? inner = null) : StoreException(message, inner);
