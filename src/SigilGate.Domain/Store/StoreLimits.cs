namespace SigilGate.Domain.Store;

/// <summary>
/// Per-request limits of the etcd server: <c>--max-txn-ops</c> (default 128, counted separately
/// for compares and for writes) and <c>--max-request-bytes</c> (default 1.5 MiB).
/// </summary>
public sealed record StoreLimits(int MaxOperations, int MaxRequestBytes)
{
    /// <summary>etcd's defaults, with a margin on bytes for the request's own framing.</summary>
    public static StoreLimits Default { get; } = new(128, 1_400_000);
}
