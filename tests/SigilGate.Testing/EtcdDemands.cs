namespace SigilGate.Testing;

/// <summary>What a <see cref="SecuredEtcd"/> demands of its clients.</summary>
[Flags]
public enum EtcdDemands
{
    None = 0,

    /// <summary>https with a private CA, and a client certificate (--client-cert-auth).</summary>
    Tls = 1,

    /// <summary>Authentication: a user and its password.</summary>
    Password = 2,
}
