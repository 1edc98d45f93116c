using System.Text;
using System.Text.Json;
using SigilGate.Testing;

namespace SigilGate.EndToEnd.Tests.Crash;

/// <summary>One key as etcdctl reads it, with the revision it was last written at.</summary>
public sealed record EtcdEntry(string Key, string Value, long ModRevision)
{
    /// <summary>Every key under <paramref name="prefix"/> (<c>etcdctl get --prefix -w json</c>).</summary>
    public static async Task<IReadOnlyDictionary<string, EtcdEntry>> ReadAllAsync(EtcdServer etcd, string prefix)
    {
        using var document = JsonDocument.Parse(await etcd.EtcdctlAsync("get", "--prefix", prefix, "-w", "json"));
        var entries = new Dictionary<string, EtcdEntry>(StringComparer.Ordinal);
        if (!document.RootElement.TryGetProperty("kvs", out var kvs)) return entries;
        foreach (var kv in kvs.EnumerateArray())
        {
            var key = Decode(kv.GetProperty("key"));
            var value = kv.TryGetProperty("value", out var v) ? Decode(v) : "";
            entries[key] = new EtcdEntry(key, value, kv.GetProperty("mod_revision").GetInt64());
        }

        return entries;
    }

    private static string Decode(JsonElement base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64.GetString()!));
}
