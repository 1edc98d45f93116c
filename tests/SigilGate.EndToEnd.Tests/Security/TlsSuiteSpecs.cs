namespace SigilGate.EndToEnd.Tests.Security;

/// <summary>etcd over https with a private CA, requiring a client certificate (--client-cert-auth).</summary>
public sealed class TlsSuiteSpecs : SecuredEtcdSuite
{
    protected override EtcdDemands Demands => EtcdDemands.Tls;
}
