using System.Globalization;

namespace SigilGate.Testing;

/// <summary>
/// The flat record files the model and the soak write, as Git holds them, and the etcd key of each:
/// <c>nodes/entry/&lt;id&gt;.yaml</c> and <c>state/&lt;core&gt;/entries/&lt;id&gt;.yaml</c> under <see cref="SigilJson.Prefix"/>.
/// </summary>
public static class RecordFiles
{
    public static string EntryPath(string id) => $"nodes/entry/{id}.yaml";

    public static string StatePath(string core, string id) => $"state/{core}/entries/{id}.yaml";

    public static bool IsState(string path) => path.StartsWith("state/", StringComparison.Ordinal);

    /// <summary>The etcd data key of a record path.</summary>
    public static string KeyOf(string path) => SigilJson.Prefix + "/" + path[..^".yaml".Length];

    /// <summary>The record path of an etcd data key.</summary>
    public static string PathOf(string key) => key[(SigilJson.Prefix.Length + 1)..] + ".yaml";

    public static string Entry(string id, string core, string address, bool enabled) =>
        $"id: {id}\ncore: {core}\naddress: {address}\nenabled: {(enabled ? "true" : "false")}\n";

    public static string State(string status, DateTimeOffset lastSeen, string grpcPath) => string.Create(CultureInfo.InvariantCulture,
        $"status: {status}\nlast_seen: {lastSeen.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}\ngrpc_path: {grpcPath}\n");
}
