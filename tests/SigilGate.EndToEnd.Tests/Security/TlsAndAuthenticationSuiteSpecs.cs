using SigilGate.Testing;

namespace SigilGate.EndToEnd.Tests.Security;

/// <summary>Both at once, as a production etcd runs: https with client certificates, and a password user limited to the prefix.</summary>
public sealed class TlsAndAuthenticationSuiteSpecs : SecuredEtcdSuite
{
    private const string RootPassword = "root-pw-a41e";
    private const string SigilPassword = "sigil-pw-0d7c";
    private const string WrongPassword = "wrong-pw-e852";
    private TestCertificates certificates = null!;

    protected override EtcdAccess Access =>
        EtcdAccess.Tls(certificates) with { Username = "sigil", PasswordFile = Path.Combine(Directory, "sigil.password") };

    protected override EtcdAccess WrongAccess => Access with { PasswordFile = Path.Combine(Directory, "wrong.password") };

    protected override string WrongAccessMessage => "etcd authentication failed for user 'sigil'";

    protected override string[] AdminFlags => ["--user", "root:" + RootPassword];

    protected override async Task<EtcdServer> StartEtcdAsync()
    {
        certificates = TestCertificates.Create(Path.Combine(Directory, "pki"));
        Secrets.AddPrivateKeysIn(Directory);
        foreach (var password in new[] { RootPassword, SigilPassword, WrongPassword }) Secrets.AddPassword(password);
        File.WriteAllText(Path.Combine(Directory, "sigil.password"), SigilPassword + "\n");
        File.WriteAllText(Path.Combine(Directory, "wrong.password"), WrongPassword + "\n");

        var etcd = await EtcdServer.StartNewAsync(certificates);
        await EtcdUsers.EnableAsync(etcd, RootPassword, "sigil", SigilPassword, Prefix);
        return etcd;
    }
}
