using System.Text.Json.Nodes;

namespace SigilGate.Testing.Git;

/// <summary>Writes a sigil.json as install-server.sh and install-node.sh leave it, with any TLS files and credentials.</summary>
public static class SigilJson
{
    /// <summary>The prefix the suite keeps its keys under unless told otherwise (install-server.sh's default).</summary>
    public const string Prefix = "/sigil";

    /// <param name="etcdEndpoints">One URL, or a comma-separated list of every member of a cluster.</param>
    /// <param name="maxTxnOps">Etcd:MaxTxnOps, to apply in smaller transactions than etcd allows (null: the suite's default).</param>
    public static string Text(string etcdEndpoints, string prefix, EtcdAccess? access = null, string? branch = "main", int? maxTxnOps = null)
    {
        var etcd = new JsonObject { ["Endpoints"] = etcdEndpoints, ["TimeoutSeconds"] = 3 };
        if (maxTxnOps is not null) etcd["MaxTxnOps"] = maxTxnOps;
        access ??= EtcdAccess.None;
        Add(etcd, "CaFile", access.CaFile);
        Add(etcd, "CertFile", access.CertFile);
        Add(etcd, "KeyFile", access.KeyFile);
        Add(etcd, "Username", access.Username);
        Add(etcd, "PasswordFile", access.PasswordFile);
        var sigil = new JsonObject { ["Prefix"] = prefix };
        if (branch is not null) sigil["Branch"] = branch;
        return new JsonObject { ["Etcd"] = etcd, ["Sigil"] = sigil }.ToJsonString();
    }

    private static void Add(JsonObject section, string key, string? value)
    {
        if (value is not null) section[key] = value;
    }
}
