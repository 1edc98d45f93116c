using dotnet_etcd;
using Etcdserverpb;
using Google.Protobuf;

namespace SigilGate.Bench;

/// <summary>
/// The baseline for applying records: the least a client can do to get the same keys and values
/// into etcd. One dotnet-etcd connection, plain puts packed 128 to a Txn (etcd's default
/// --max-txn-ops), sent one after another. No reads, no compares, no bookkeeping.
/// </summary>
internal static class BaselineWriter
{
    public const int OperationsPerTxn = 128;

    /// <summary>
    /// Writes every key (under <paramref name="prefix"/>), <paramref name="inFlight"/> Txns at a time
    /// (1: strictly one after another), and returns the number of Txns sent.
    /// </summary>
    public static async Task<int> WriteAsync(string endpoint, string prefix, IReadOnlyList<KeyValuePair<string, string>> records, int inFlight = 1)
    {
        using var client = new EtcdClient(endpoint);
        var chunks = records.Chunk(OperationsPerTxn).ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (chunk, cancellationToken) =>
        {
            var txn = new TxnRequest();
            foreach (var (key, value) in chunk)
            {
                txn.Success.Add(new RequestOp { RequestPut = new PutRequest { Key = ByteString.CopyFromUtf8(prefix + key), Value = ByteString.CopyFromUtf8(value) } });
            }

            var response = await client.TransactionAsync(txn, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!response.Succeeded) throw new InvalidOperationException("a Txn without compares did not succeed");
        }).ConfigureAwait(false);
        return chunks.Count;
    }
}
