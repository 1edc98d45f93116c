using System.Text.Json;
using System.Text;

namespace SigilGate.Testing;

/// <summary>What <c>etcdctl get ... -w json</c> printed: the store's revision and the keys read, in key order.</summary>
public sealed record EtcdRange(long Revision, IReadOnlyList<EtcdKeyValue> Kvs)
{
    /// <summary>Every key read with its value.</summary>
    public Dictionary<string, string> Values => Kvs.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    /// <summary>Every key read with the whole of what etcd keeps of it.</summary>
    public Dictionary<string, EtcdKeyValue> Entries => Kvs.ToDictionary(kv => kv.Key, StringComparer.Ordinal);

    /// <summary>Reads etcdctl's JSON: keys and values are base64, and absent when empty (an empty value, no key at all).</summary>
    public static EtcdRange Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var kvs = new List<EtcdKeyValue>();
        if (root.TryGetProperty("kvs", out var array))
        {
            foreach (var kv in array.EnumerateArray())
            {
                kvs.Add(new EtcdKeyValue(
                    Decode(kv, "key"),
                    Decode(kv, "value"),
                    kv.TryGetProperty("create_revision", out var created) ? created.GetInt64() : 0,
                    kv.TryGetProperty("mod_revision", out var modified) ? modified.GetInt64() : 0));
            }
        }

        return new EtcdRange(root.GetProperty("header").GetProperty("revision").GetInt64(), kvs);
    }

    private static string Decode(JsonElement kv, string name) =>
        kv.TryGetProperty(name, out var base64) ? Encoding.UTF8.GetString(base64.GetBytesFromBase64()) : "";
}
