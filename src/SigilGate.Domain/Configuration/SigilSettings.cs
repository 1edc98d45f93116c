namespace SigilGate.Domain.Configuration;

/// <summary>What to do with pushes to refs other than the protected branch.</summary>
public enum OtherRefsMode
{
    /// <summary>Accepted, not validated, not applied (the contract's default).</summary>
    Allow,

    /// <summary>Rejected.</summary>
    Deny,
}

/// <summary>The <c>Sigil</c> section of the configuration.</summary>
public sealed record SigilSettings(
    string Prefix = "/sigil",
    string Branch = "main",
    string IdentityVariable = "SIGIL_IDENTITY",
    OtherRefsMode OtherRefs = OtherRefsMode.Allow,
    double MassDeleteShare = 0.5);

/// <summary>The <c>Etcd</c> section of the configuration. Endpoints is comma-separated.</summary>
public sealed record EtcdSettings(
    string Endpoints = "http://127.0.0.1:2379",
    string? Username = null,
    string? PasswordFile = null,
    string? CaFile = null,
    string? CertFile = null,
    string? KeyFile = null,
    int TimeoutSeconds = 5,
    int MaxTxnOps = 128)
{
    /// <summary>The server's per-request limits (operations from <c>MaxTxnOps</c>, etcd's default request size).</summary>
    public Store.StoreLimits Limits => Store.StoreLimits.Default with { MaxOperations = MaxTxnOps };

    public IReadOnlyList<string> EndpointList =>
        Endpoints.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>All settings, after layering defaults, /etc/sigil/sigil.json, the repository's sigil.json and the environment.</summary>
public sealed record Settings(EtcdSettings Etcd, SigilSettings Sigil)
{
    public static Settings Defaults { get; } = new(new EtcdSettings(), new SigilSettings());
}
