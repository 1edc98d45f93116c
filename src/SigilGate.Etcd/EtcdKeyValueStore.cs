using System.Text;
using dotnet_etcd;
using Etcdserverpb;
using Google.Protobuf;
using Mvccpb;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Ports;

namespace SigilGate.Etcd;

/// <summary>The store port over a dotnet-etcd client. Every call carries the configured deadline.</summary>
internal sealed class EtcdKeyValueStore(EtcdClient client, EtcdErrorTranslator errors) : IKeyValueStore
{
    /// <summary>etcd's default --max-txn-ops; reads are batched at this size whatever the write limit is.</summary>
    private const int ReadBatch = 128;

    /// <summary>Read batches sent at once when their revision is fixed.</summary>
    private const int ReadsInFlight = 8;

    // Strict: a loose read turns bytes that are not UTF-8 into U+FFFD, the name of another key.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<RangeResult> GetManyAsync(IReadOnlyList<string> keys, long revision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var batches = keys.Distinct(StringComparer.Ordinal).Chunk(ReadBatch).ToList();
        var read = new IEnumerable<StoredValue>[batches.Count];

        // Batches after the first read at the first one's revision, so the whole result is one
        // snapshot. Once the revision is fixed the batches are independent: several go at once
        // (a pusher's first run reads every key of its area this way).
        var first = 0;
        if (revision == 0 && batches.Count > 0)
        {
            var response = await ReadBatchAsync(batches[0], 0, cancellationToken).ConfigureAwait(false);
            revision = response.Header.Revision;
            read[0] = Values(response);
            first = 1;
        }

        await Parallel.ForEachAsync(
            Enumerable.Range(first, batches.Count - first),
            new ParallelOptions { MaxDegreeOfParallelism = ReadsInFlight, CancellationToken = cancellationToken },
            async (i, token) => read[i] = Values(await ReadBatchAsync(batches[i], revision, token).ConfigureAwait(false))).ConfigureAwait(false);
        var values = read.SelectMany(v => v).ToList();

        if (revision == 0)
        {
            // No key asked for: still report where the store is.
            var response = await errors.Run(
                "read the store revision",
                deadline => client.TransactionAsync(new TxnRequest(), deadline: deadline, cancellationToken: cancellationToken),
                cancellationToken).ConfigureAwait(false);
            revision = response.Header.Revision;
        }

        return new RangeResult(values, revision);
    }

    private Task<TxnResponse> ReadBatchAsync(string[] batch, long revision, CancellationToken cancellationToken) =>
        errors.Run(
            "read keys",
            deadline => client.TransactionAsync(EtcdRequests.ReadKeys(batch, revision), deadline: deadline, cancellationToken: cancellationToken),
            cancellationToken);

    private static IEnumerable<StoredValue> Values(TxnResponse response) =>
        response.Responses.SelectMany(r => r.ResponseRange.Kvs).Select(ToStoredValue).ToList();

    public async Task<RangeResult> GetPrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var response = await errors.Run(
            $"read prefix {prefix}",
            deadline => client.GetAsync(EtcdRequests.ReadPrefix(prefix), deadline: deadline, cancellationToken: cancellationToken),
                cancellationToken).ConfigureAwait(false);
        return new RangeResult(response.Kvs.Select(ToStoredValue).ToList(), response.Header.Revision);
    }

    public async Task<RangeResult> GetPrefixesAsync(IReadOnlyList<string> prefixes, CancellationToken cancellationToken = default)
    {
        var response = await RangesAsync("read", prefixes, EtcdRequests.ReadPrefix, cancellationToken).ConfigureAwait(false);
        return new RangeResult(response.Responses.SelectMany(r => r.ResponseRange.Kvs).Select(ToStoredValue).ToList(), response.Header.Revision);
    }

    public async Task<KeyListing> ListPrefixesAsync(IReadOnlyList<string> prefixes, long changedAfter = 0, long revision = 0, CancellationToken cancellationToken = default)
    {
        var response = await RangesAsync("list", prefixes, prefix => EtcdRequests.KeysUnderPrefix(prefix, changedAfter, revision), cancellationToken).ConfigureAwait(false);
        var ranges = response.Responses.Select(r => r.ResponseRange).ToList();
        var keys = ranges.SelectMany(r => r.Kvs).Select(kv => new KeyRevision(KeyName(kv.Key), kv.ModRevision, kv.CreateRevision)).ToList();

        // A Txn's header carries the latest revision even when its ranges read an older one.
        return new KeyListing(keys, ranges.Sum(r => r.Count), revision > 0 ? revision : response.Header.Revision);
    }

    // An empty transaction is a linearizable read of nothing: its header carries the latest revision.
    public async Task<long> LatestRevisionAsync(CancellationToken cancellationToken = default)
    {
        var response = await errors.Run(
            "read the latest revision",
            deadline => client.TransactionAsync(new TxnRequest(), deadline: deadline, cancellationToken: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return response.Header.Revision;
    }

    // One range per prefix in one Txn, so all of them are read at one revision.
    private Task<TxnResponse> RangesAsync(string verb, IReadOnlyList<string> prefixes, Func<string, RangeRequest> range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        var txn = new TxnRequest();
        foreach (var prefix in prefixes) txn.Success.Add(new RequestOp { RequestRange = range(prefix) });
        return errors.Run(
            $"{verb} prefixes {string.Join(", ", prefixes)}",
            deadline => client.TransactionAsync(txn, deadline: deadline, cancellationToken: cancellationToken),
            cancellationToken);
    }

    public async Task<TransactionResult> CommitAsync(Transaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var request = EtcdRequests.Commit(transaction);
        try
        {
            return await CommitOnceAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException) when (transaction.Guards.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            // A write that a follower forwarded to a leader which then died is dropped without an
            // answer and waits out its whole deadline, while the cluster elects a new leader within
            // an election timeout. One more attempt, with a fresh deadline, carries an apply through
            // a leader change instead of leaving it pending. Only guarded writes are retried: if
            // the first attempt did commit, the guard now fails and the caller reads and decides
            // again, as after any concurrent write, so nothing is written twice.
            return await CommitOnceAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<TransactionResult> CommitOnceAsync(TxnRequest request, CancellationToken cancellationToken)
    {
        var response = await errors.Run(
            "commit a transaction",
            deadline => client.TransactionAsync(request, deadline: deadline, cancellationToken: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return new TransactionResult(response.Succeeded, response.Header.Revision);
    }

    public Task<ClusterStatus> ClusterStatusAsync(CancellationToken cancellationToken = default) =>
        EtcdClusterRead.ReadAsync(client, errors, cancellationToken);

    /// <summary>
    /// Makes a first call that reads and writes nothing (an empty transaction), so the connection,
    /// authentication and gRPC's set-up for this call type are done before the first real call.
    /// </summary>
    public Task ConnectAsync(CancellationToken cancellationToken = default) =>
        errors.Run(
            "connect",
            deadline => client.TransactionAsync(new TxnRequest(), deadline: deadline, cancellationToken: cancellationToken),
            cancellationToken);

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    private static StoredValue ToStoredValue(KeyValue kv) =>
        new(KeyName(kv.Key), ValueBytes.ToText(kv.Value.Span), kv.ModRevision, kv.CreateRevision);

    private static string KeyName(ByteString key)
    {
        try
        {
            return StrictUtf8.GetString(key.Span);
        }
        catch (DecoderFallbackException)
        {
            throw KeyNameBytes.NotUtf8(key.ToByteArray());
        }
    }
}
