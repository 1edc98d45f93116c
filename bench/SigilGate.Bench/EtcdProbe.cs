using System.Globalization;
using dotnet_etcd;
using Etcdserverpb;
using Google.Protobuf;

namespace SigilGate.Bench;

/// <summary>
/// Looks at etcd from outside the measured program: the store revision (each write transaction
/// moves it by one), the keys under a prefix, and the gRPC calls served (etcd's /metrics).
/// </summary>
internal sealed class EtcdProbe(string endpoint) : IDisposable
{
    // A prefix read of 20,000 keys is larger than gRPC's default 4 MB response cap.
    private readonly EtcdClient client = new(endpoint, configureChannelOptions: o => o.MaxReceiveMessageSize = null);
    private readonly HttpClient http = new() { BaseAddress = new Uri(endpoint) };

    public async Task<long> RevisionAsync()
    {
        var response = await client.GetAsync(new RangeRequest { Key = ByteString.CopyFromUtf8("/bench-probe"), CountOnly = true }).ConfigureAwait(false);
        return response.Header.Revision;
    }

    /// <summary>Every key under <paramref name="prefix"/> with its value.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadPrefixAsync(string prefix)
    {
        var response = await client.GetRangeAsync(prefix).ConfigureAwait(false);
        return response.Kvs.ToDictionary(kv => kv.Key.ToStringUtf8(), kv => kv.Value.ToStringUtf8(), StringComparer.Ordinal);
    }

    public async Task<long> CountAsync(string prefix)
    {
        var key = ByteString.CopyFromUtf8(prefix);
        var end = key.ToByteArray();
        end[^1]++;
        var response = await client.GetAsync(new RangeRequest { Key = key, RangeEnd = ByteString.CopyFrom(end), CountOnly = true }).ConfigureAwait(false);
        return response.Count;
    }

    /// <summary>gRPC calls etcd has handled so far, by method (Txn, Range, Put, ...), from grpc_server_handled_total.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CallsAsync()
    {
        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)).ConfigureAwait(false);
        var calls = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith("grpc_server_handled_total{", StringComparison.Ordinal)) continue;
            var method = Label(line, "grpc_method");
            if (Label(line, "grpc_service") != "etcdserverpb.KV" || method is null) continue;
            var value = long.Parse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
            calls[method] = calls.GetValueOrDefault(method) + value;
        }

        return calls;
    }

    public static string Difference(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        string.Join(", ", after.Select(a => (a.Key, Count: a.Value - before.GetValueOrDefault(a.Key))).Where(d => d.Count > 0).OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Count} {d.Key}"));

    private static string? Label(string line, string name)
    {
        var start = line.IndexOf(name + "=\"", StringComparison.Ordinal);
        if (start < 0) return null;
        start += name.Length + 2;
        return line[start..line.IndexOf('"', start)];
    }

    public void Dispose()
    {
        client.Dispose();
        http.Dispose();
    }
}
