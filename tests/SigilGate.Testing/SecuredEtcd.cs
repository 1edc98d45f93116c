namespace SigilGate.Testing;

/// <summary>
/// A single etcd that demands something of its clients, set up as an operator would: https with a
/// private CA and client certificates, or authentication (root enabled, as etcd requires, and the user
/// <see cref="User"/> whose role may read and write only under the prefix), or both. Its files (the
/// PKI, another deployment's CA, the password files) are in <see cref="Directory"/>, removed on
/// dispose. Its etcdctl runs as an administrator (root), as a test reading everything needs.
/// </summary>
public sealed class SecuredEtcd : IEtcd
{
    public const string User = "sigil";
    public const string RootPassword = "root-pw-5c1d";
    public const string Password = "sigil-pw-93fa";
    public const string WrongPassword = "wrong-pw-27be";

    private SecuredEtcd(EtcdServer server, string directory, EtcdDemands demands) => (Server, Directory, Demands) = (server, directory, demands);

    public EtcdServer Server { get; }

    public string Directory { get; }

    public EtcdDemands Demands { get; }

    /// <summary>The CA etcd's certificate chains to, and the client certificate (with <see cref="EtcdDemands.Tls"/>).</summary>
    public TestCertificates? Certificates => Demands.HasFlag(EtcdDemands.Tls) ? TestCertificates.In(Path.Combine(Directory, "pki")) : null;

    /// <summary>Another deployment's CA and client certificate, which etcd does not trust (with <see cref="EtcdDemands.Tls"/>).</summary>
    public TestCertificates? OtherCertificates => Demands.HasFlag(EtcdDemands.Tls) ? TestCertificates.In(Path.Combine(Directory, "other-pki")) : null;

    public string Endpoints => Server.Endpoint;

    /// <summary>The file holding <see cref="Password"/> and a newline, as an operator writes it.</summary>
    public string PasswordFile => Path.Combine(Directory, "sigil.password");

    /// <summary>A file holding <see cref="WrongPassword"/>.</summary>
    public string WrongPasswordFile => Path.Combine(Directory, "wrong.password");

    /// <summary>Every password in play (none without <see cref="EtcdDemands.Password"/>).</summary>
    public IReadOnlyList<string> Passwords => Demands.HasFlag(EtcdDemands.Password) ? [RootPassword, Password, WrongPassword] : [];

    /// <summary>What sigil.json needs to reach this etcd.</summary>
    public EtcdAccess Access =>
        (Certificates is null ? EtcdAccess.None : EtcdAccess.Tls(Certificates)) with
        {
            Username = Demands.HasFlag(EtcdDemands.Password) ? User : null,
            PasswordFile = Demands.HasFlag(EtcdDemands.Password) ? PasswordFile : null,
        };

    public static async Task<SecuredEtcd> StartAsync(EtcdDemands demands, string prefix = SigilJson.Prefix)
    {
        var directory = TempDirectories.Create("sigil-secured-");
        EtcdServer? server = null;
        try
        {
            var tls = demands.HasFlag(EtcdDemands.Tls);
            var certificates = tls ? TestCertificates.Create(Path.Combine(directory, "pki")) : null;
            if (tls) TestCertificates.Create(Path.Combine(directory, "other-pki"));
            server = await EtcdServer.StartNewAsync(certificates).ConfigureAwait(false);
            var etcd = new SecuredEtcd(server, directory, demands);
            if (demands.HasFlag(EtcdDemands.Password)) await etcd.EnableAuthenticationAsync(prefix).ConfigureAwait(false);
            return etcd;
        }
        catch
        {
            await TestResources.DisposeAsync(server).ConfigureAwait(false);
            TempDirectories.Delete(directory);
            throw;
        }
    }

    /// <summary>Runs etcdctl as root (with the client certificate under TLS) and returns its standard output.</summary>
    public Task<string> EtcdctlAsync(params string[] arguments) =>
        Server.EtcdctlAsync(Demands.HasFlag(EtcdDemands.Password) ? ["--user", "root:" + RootPassword, .. arguments] : arguments);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync().ConfigureAwait(false);
        TempDirectories.Delete(Directory);
    }

    private async Task EnableAuthenticationAsync(string prefix)
    {
        File.WriteAllText(PasswordFile, Password + "\n");
        File.WriteAllText(WrongPasswordFile, WrongPassword + "\n");
        await Server.EtcdctlAsync("user", "add", $"root:{RootPassword}").ConfigureAwait(false);
        await Server.EtcdctlAsync("role", "add", $"{User}-rw").ConfigureAwait(false);
        await Server.EtcdctlAsync("role", "grant-permission", $"{User}-rw", "--prefix=true", "readwrite", prefix + "/").ConfigureAwait(false);
        await Server.EtcdctlAsync("user", "add", $"{User}:{Password}").ConfigureAwait(false);
        await Server.EtcdctlAsync("user", "grant-role", User, $"{User}-rw").ConfigureAwait(false);
        await Server.EtcdctlAsync("auth", "enable").ConfigureAwait(false);
    }
}
