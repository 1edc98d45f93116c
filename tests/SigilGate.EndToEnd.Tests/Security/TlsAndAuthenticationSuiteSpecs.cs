namespace SigilGate.EndToEnd.Tests.Security;

/// <summary>Both at once, as a production etcd runs: https with client certificates, and a password user limited to the prefix.</summary>
public sealed class TlsAndAuthenticationSuiteSpecs : SecuredEtcdSuite
{
    protected override EtcdDemands Demands => EtcdDemands.Tls | EtcdDemands.Password;
}
