namespace SigilGate.Domain.Store;

/// <summary>etcd refused or failed a request; the message says what to check. Never contains a password.</summary>
public class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>No etcd member answered in time: the work is kept as pending.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : StoreException(message, inner);
