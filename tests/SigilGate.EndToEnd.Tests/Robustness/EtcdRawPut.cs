using System.Net.Http.Json;
using System.Text;

namespace SigilGate.EndToEnd.Tests.Robustness;

/// <summary>
/// Puts arbitrary bytes at a key through etcd's JSON gateway (<c>/v3/kv/put</c>, base64 key and
/// value): invalid UTF-8 cannot travel as a command-line argument of etcdctl.
/// </summary>
internal static class EtcdRawPut
{
    public static Task PutAsync(string endpoint, string key, byte[] value) => PutAsync(endpoint, Encoding.UTF8.GetBytes(key), value);

    /// <summary>A key of any bytes, such as one that is not UTF-8.</summary>
    public static async Task PutAsync(string endpoint, byte[] key, byte[] value)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var body = new { key = Convert.ToBase64String(key), value = Convert.ToBase64String(value) };
        using var response = await http.PostAsJsonAsync(new Uri(endpoint.TrimEnd('/') + "/v3/kv/put"), body);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Deletes exactly the key of these bytes.</summary>
    public static async Task DeleteAsync(string endpoint, byte[] key)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.PostAsJsonAsync(new Uri(endpoint.TrimEnd('/') + "/v3/kv/deleterange"), new { key = Convert.ToBase64String(key) });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The values under a prefix, as bytes (etcdctl's output would be decoded as text on its way here).</summary>
    public static async Task<IReadOnlyList<byte[]>> ValuesUnderAsync(string endpoint, string prefix)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var start = Encoding.UTF8.GetBytes(prefix);
        var end = (byte[])start.Clone();
        end[^1]++;
        var body = new { key = Convert.ToBase64String(start), range_end = Convert.ToBase64String(end) };
        using var response = await http.PostAsJsonAsync(new Uri(endpoint.TrimEnd('/') + "/v3/kv/range"), body);
        response.EnsureSuccessStatusCode();
        using var document = await System.Text.Json.JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return document.RootElement.TryGetProperty("kvs", out var kvs)
            ? kvs.EnumerateArray().Select(kv => Convert.FromBase64String(kv.GetProperty("value").GetString()!)).ToList()
            : [];
    }
}
