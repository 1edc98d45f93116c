using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using SigilGate.Domain.Configuration;
using SigilGate.Domain.Store;

namespace SigilGate.Etcd;

/// <summary>TLS towards etcd: a private CA (Etcd:CaFile) and an optional client certificate (Etcd:CertFile + Etcd:KeyFile), all PEM.</summary>
internal static class EtcdTls
{
    /// <summary>True when the endpoints are https; refuses TLS files with http endpoints and mixed schemes.</summary>
    public static bool RequiresTls(EtcdSettings settings)
    {
        var https = settings.EndpointList.Count(e => e.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        if (https > 0 && https < settings.EndpointList.Count)
        {
            throw new StoreException($"Etcd:Endpoints mixes https and http ({settings.Endpoints}): use one scheme for every member");
        }

        var tlsFiles = settings.CaFile ?? settings.CertFile ?? settings.KeyFile;
        if (https == 0 && tlsFiles is not null)
        {
            throw new StoreException($"TLS files are configured (Etcd:CaFile/CertFile/KeyFile) but Etcd:Endpoints uses http ({settings.Endpoints}): use https:// endpoints");
        }

        return https > 0;
    }

    /// <summary>Loads the files now, so a missing or unreadable file is reported before any request.</summary>
    public static Action<SslClientAuthenticationOptions> Configure(EtcdSettings settings)
    {
        var roots = settings.CaFile is null ? null : LoadCa(settings.CaFile);
        var client = LoadClientCertificate(settings);
        return options =>
        {
            if (client is not null)
            {
                options.ClientCertificates = [client];
            }

            if (roots is not null)
            {
                options.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    IsTrusted(certificate, errors, roots);
            }
        };
    }

    private static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        // The name is checked by the platform; only the chain is ours to build, against the private CA alone.
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }

    private static X509Certificate2Collection LoadCa(string path)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new StoreException($"cannot read the etcd CA file {path} (Etcd:CaFile): {e.Message}", e);
        }

        return roots.Count > 0
            ? roots
            : throw new StoreException($"the etcd CA file {path} (Etcd:CaFile) holds no PEM certificate");
    }

    private static X509Certificate2? LoadClientCertificate(EtcdSettings settings)
    {
        if (settings.CertFile is null && settings.KeyFile is null)
        {
            return null;
        }

        if (settings.CertFile is null || settings.KeyFile is null)
        {
            throw new StoreException("a client certificate needs both Etcd:CertFile and Etcd:KeyFile");
        }

        try
        {
            return X509Certificate2.CreateFromPemFile(settings.CertFile, settings.KeyFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new StoreException($"cannot load the etcd client certificate {settings.CertFile} with key {settings.KeyFile} (Etcd:CertFile, Etcd:KeyFile): {e.Message}", e);
        }
    }
}
