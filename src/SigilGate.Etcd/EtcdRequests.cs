using Etcdserverpb;
using Google.Protobuf;
using SigilGate.Domain.Store;

namespace SigilGate.Etcd;

/// <summary>Builds etcd's protobuf requests from the port's values; nothing here talks to the network.</summary>
internal static class EtcdRequests
{
    /// <summary>A read-only Txn of one exact-key Range per key; <paramref name="revision"/> 0 reads the latest.</summary>
    public static TxnRequest ReadKeys(IEnumerable<string> keys, long revision)
    {
        var txn = new TxnRequest();
        foreach (var key in keys)
        {
            txn.Success.Add(new RequestOp { RequestRange = new RangeRequest { Key = Bytes(key), Revision = revision } });
        }

        return txn;
    }

    /// <summary>Every key that starts with the prefix: [prefix, prefix with its last byte incremented).</summary>
    public static RangeRequest ReadPrefix(string prefix)
    {
        var key = Bytes(prefix);
        return new RangeRequest { Key = key.IsEmpty ? ByteString.CopyFrom(0) : key, RangeEnd = RangeEnd(key) };
    }

    /// <summary>
    /// Every key under a prefix with its revisions, without values, at <paramref name="revision"/>
    /// (0: the latest); only those written after <paramref name="changedAfter"/> when it is above 0.
    /// etcd counts before it filters, so the response's count is still that of every key under the prefix.
    /// </summary>
    public static RangeRequest KeysUnderPrefix(string prefix, long changedAfter, long revision)
    {
        var range = ReadPrefix(prefix);
        range.KeysOnly = true;
        range.Revision = revision;
        if (changedAfter > 0) range.MinModRevision = changedAfter + 1;
        return range;
    }

    /// <summary>
    /// Guards compare the key's mod revision. etcd compares an absent key as a zero-valued one,
    /// so mod_revision == 0 holds exactly when the key does not exist (applyCompare in etcdserver/apply.go).
    /// </summary>
    public static TxnRequest Commit(Transaction transaction)
    {
        var txn = new TxnRequest();
        foreach (var guard in transaction.Guards)
        {
            txn.Compare.Add(new Compare
            {
                Key = Bytes(guard.Key),
                Target = Compare.Types.CompareTarget.Mod,
                Result = Compare.Types.CompareResult.Equal,
                ModRevision = guard.ModRevision,
            });
        }

        foreach (var mutation in transaction.Mutations)
        {
            txn.Success.Add(mutation switch
            {
                PutMutation put => new RequestOp { RequestPut = new PutRequest { Key = Bytes(put.Key), Value = ByteString.CopyFrom(ValueBytes.ToBytes(put.Value)) } },

                // No RangeEnd: exactly this key. A range delete of /p/e-1 would also remove /p/e-10.
                DeleteMutation delete => new RequestOp { RequestDeleteRange = new DeleteRangeRequest { Key = Bytes(delete.Key) } },
                _ => throw new ArgumentException($"unknown mutation {mutation.GetType().Name}", nameof(transaction)),
            });
        }

        return txn;
    }

    private static ByteString Bytes(string text) => ByteString.CopyFromUtf8(text);

    private static ByteString RangeEnd(ByteString prefix)
    {
        // Increment the last byte below 0xff, dropping the 0xff bytes after it; an empty prefix
        // (or all 0xff) means "to the end of the keyspace", which etcd spells as "\0".
        var bytes = prefix.ToByteArray();
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            if (bytes[i] < 0xff)
            {
                bytes[i]++;
                return ByteString.CopyFrom(bytes, 0, i + 1);
            }
        }

        return ByteString.CopyFrom(0);
    }
}
