namespace SigilGate.Testing;

/// <summary>
/// The <c>Etcd</c> keys of a sigil.json beyond the endpoints: TLS files and credentials, as an
/// operator writes them (paths only; the password stays in its file).
/// </summary>
public sealed record EtcdAccess(
    string? CaFile = null,
    string? CertFile = null,
    string? KeyFile = null,
    string? Username = null,
    string? PasswordFile = null)
{
    public static EtcdAccess None { get; } = new();

    /// <summary>The CA and the client certificate of <paramref name="certificates"/>.</summary>
    public static EtcdAccess Tls(TestCertificates certificates) =>
        new(certificates.CaFile, certificates.ClientCertFile, certificates.ClientKeyFile);
}
