namespace SigilGate.Testing;

/// <summary>What a test reads back from any <see cref="IEtcd"/>, through etcdctl's JSON (values with any bytes in them read whole).</summary>
public static class EtcdReads
{
    /// <summary><c>etcdctl get &lt;arguments&gt; -w json</c>, read.</summary>
    public static async Task<EtcdRange> GetAsync(this IEtcd etcd, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(etcd);
        return EtcdRange.Parse(await etcd.EtcdctlAsync(["get", .. arguments, "-w", "json"]).ConfigureAwait(false));
    }

    /// <summary>Every key under <paramref name="prefix"/> and its value.</summary>
    public static async Task<Dictionary<string, string>> KeysAsync(this IEtcd etcd, string prefix) =>
        (await etcd.GetAsync("--prefix", prefix).ConfigureAwait(false)).Values;

    /// <summary>The data keys under <paramref name="prefix"/> (what node agents read), without the suite's bookkeeping under <c>.sigil/</c>.</summary>
    public static async Task<Dictionary<string, string>> DataKeysAsync(this IEtcd etcd, string prefix) =>
        (await etcd.KeysAsync(prefix + "/").ConfigureAwait(false))
            .Where(k => !k.Key.StartsWith(prefix + "/.sigil/", StringComparison.Ordinal))
            .ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);

    /// <summary>etcd's revision now (the last write anywhere).</summary>
    public static async Task<long> RevisionAsync(this IEtcd etcd) =>
        (await etcd.GetAsync("/", "--prefix", "--keys-only", "--limit", "1").ConfigureAwait(false)).Revision;

    /// <summary>The revision that last wrote <paramref name="key"/> (0 when it does not exist).</summary>
    public static async Task<long> ModRevisionAsync(this IEtcd etcd, string key) =>
        (await etcd.GetAsync(key).ConfigureAwait(false)).Kvs.FirstOrDefault()?.ModRevision ?? 0;
}
