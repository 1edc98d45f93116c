using SigilGate.Testing;

namespace SigilGate.EndToEnd.Tests.Security;

/// <summary>etcd over https with a private CA, requiring a client certificate (--client-cert-auth).</summary>
public sealed class TlsSuiteSpecs : SecuredEtcdSuite
{
    private TestCertificates certificates = null!;
    private TestCertificates other = null!;

    protected override EtcdAccess Access => EtcdAccess.Tls(certificates);

    /// <summary>The CA of another deployment: etcd's certificate does not chain to it.</summary>
    protected override EtcdAccess WrongAccess => Access with { CaFile = other.CaFile };

    protected override string WrongAccessMessage =>
        $"TLS handshake with etcd at {Etcd.Endpoint} failed: etcd's server certificate does not chain to the CA in {other.CaFile} (Etcd:CaFile)";

    protected override async Task<EtcdServer> StartEtcdAsync()
    {
        certificates = TestCertificates.Create(Path.Combine(Directory, "pki"));
        other = TestCertificates.Create(Path.Combine(Directory, "other-pki"));
        Secrets.AddPrivateKeysIn(Directory);
        var etcd = await EtcdServer.StartNewAsync(certificates);
        etcd.Endpoint.ShouldStartWith("https://");
        return etcd;
    }
}
