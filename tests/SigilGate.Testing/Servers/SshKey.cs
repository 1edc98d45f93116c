using System.Globalization;

namespace SigilGate.Testing.Servers;

/// <summary>An ed25519 key pair without passphrase, made with ssh-keygen; the comment is its name.</summary>
public sealed record SshKey(string Name, string PrivateFile)
{
    public string PublicFile => PrivateFile + ".pub";

    public static async Task<SshKey> CreateAsync(string directory, string name)
    {
        var file = Path.Combine(directory, name);
        await UnixUser.CheckedAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", file], directory);
        return new SshKey(name, file);
    }

    /// <summary>
    /// The <c>core.sshCommand</c> of a client using only this key against a server on
    /// <paramref name="port"/>: no agent, no prompt, no known_hosts (the host key is new every run).
    /// </summary>
    public string SshCommand(int port) =>
        $"ssh -i {PrivateFile} -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -p {port.ToString(CultureInfo.InvariantCulture)}";
}
