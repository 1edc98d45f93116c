using System.Globalization;

namespace SigilGate.Testing;

/// <summary>etcd's plain HTTP endpoints on the client port: /health and /metrics.</summary>
internal static class EtcdHttp
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public static async Task<bool> IsHealthyAsync(string endpoint)
    {
        try
        {
            var body = await Http.GetStringAsync(new Uri(endpoint + "/health")).ConfigureAwait(false);
            return body.Contains("\"health\":\"true\"", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Reads the gauge etcd_server_is_leader (1 on the leader) from /metrics.</summary>
    public static async Task<bool> IsLeaderAsync(string endpoint)
    {
        try
        {
            var body = await Http.GetStringAsync(new Uri(endpoint + "/metrics")).ConfigureAwait(false);
            var line = body.Split('\n').FirstOrDefault(l => l.StartsWith("etcd_server_is_leader ", StringComparison.Ordinal));
            return line is not null && double.Parse(line["etcd_server_is_leader ".Length..], CultureInfo.InvariantCulture) == 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
