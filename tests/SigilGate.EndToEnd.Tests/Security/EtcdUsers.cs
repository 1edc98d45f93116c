using SigilGate.Testing;

namespace SigilGate.EndToEnd.Tests.Security;

/// <summary>Turns authentication on the way an operator would: root (etcd requires it) and one user limited to the prefix.</summary>
internal static class EtcdUsers
{
    public static async Task EnableAsync(EtcdServer etcd, string rootPassword, string user, string password, string prefix)
    {
        await etcd.EtcdctlAsync("user", "add", $"root:{rootPassword}");
        await etcd.EtcdctlAsync("role", "add", $"{user}-rw");
        await etcd.EtcdctlAsync("role", "grant-permission", $"{user}-rw", "--prefix=true", "readwrite", prefix + "/");
        await etcd.EtcdctlAsync("user", "add", $"{user}:{password}");
        await etcd.EtcdctlAsync("user", "grant-role", user, $"{user}-rw");
        await etcd.EtcdctlAsync("auth", "enable");
    }
}
