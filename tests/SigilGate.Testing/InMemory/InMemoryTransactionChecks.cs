using SigilGate.Domain.Store;

namespace SigilGate.Testing.InMemory;

/// <summary>The requests etcd refuses before looking at any key, with etcd's own wording.</summary>
internal static class InMemoryTransactionChecks
{
    public static void Validate(Transaction transaction, StoreLimits limits)
    {
        // --max-txn-ops bounds compares and writes separately (checkTxnRequest in etcdserver/api/v3rpc/key.go).
        if (transaction.Guards.Count > limits.MaxOperations || transaction.Mutations.Count > limits.MaxOperations)
        {
            throw new StoreException("etcd rejected the request to commit a transaction: etcdserver: too many operations in txn request");
        }

        if (transaction.Size > limits.MaxRequestBytes)
        {
            throw new StoreException("etcd rejected the request to commit a transaction as too large (etcdserver: request is too large)");
        }

        // A key may be put once per transaction, and not both put and deleted; deleting it twice is allowed.
        var puts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var put in transaction.Mutations.OfType<PutMutation>())
        {
            if (!puts.Add(put.Key))
            {
                throw Duplicate();
            }
        }

        if (transaction.Mutations.OfType<DeleteMutation>().Any(d => puts.Contains(d.Key)))
        {
            throw Duplicate();
        }
    }

    private static StoreException Duplicate() =>
        new("etcd failed to commit a transaction: InvalidArgument: etcdserver: duplicate key given in txn request");
}
