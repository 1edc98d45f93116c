using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;

namespace SigilGate.Testing;

/// <summary>
/// A throwaway private CA with a server certificate for 127.0.0.1/localhost and a client
/// certificate, written as PEM files the way an operator would hand them to etcd and to the suite.
/// </summary>
public sealed record TestCertificates(string CaFile, string ServerCertFile, string ServerKeyFile, string ClientCertFile, string ClientKeyFile)
{
    public static TestCertificates Create(string directory)
    {
        Directory.CreateDirectory(directory);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=sigil test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        var files = In(directory);
        File.WriteAllText(files.CaFile, ca.ExportCertificatePem());
        Issue(ca, "CN=etcd", names.Build(), "1.3.6.1.5.5.7.3.1", files.ServerCertFile, files.ServerKeyFile);
        Issue(ca, "CN=sigil", null, "1.3.6.1.5.5.7.3.2", files.ClientCertFile, files.ClientKeyFile);
        return files;
    }

    /// <summary>Where <see cref="Create"/> writes the files in <paramref name="directory"/>.</summary>
    public static TestCertificates In(string directory) => new(
        Path.Combine(directory, "ca.pem"),
        Path.Combine(directory, "server.pem"),
        Path.Combine(directory, "server-key.pem"),
        Path.Combine(directory, "client.pem"),
        Path.Combine(directory, "client-key.pem"));

    private static void Issue(X509Certificate2 ca, string subject, X509Extension? names, string usage, string certFile, string keyFile)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        if (names is not null)
        {
            request.CertificateExtensions.Add(names);
        }

        var serial = RandomNumberGenerator.GetBytes(12);
        using var certificate = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), serial);
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
    }
}
