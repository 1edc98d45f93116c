namespace SigilGate.EndToEnd.Tests.Security;

/// <summary>
/// etcd with authentication on: root enabled (etcd requires it) and a user whose role may read and
/// write only under the prefix, its password in Etcd:PasswordFile.
/// </summary>
public sealed class AuthenticatedSuiteSpecs : SecuredEtcdSuite
{
    protected override EtcdDemands Demands => EtcdDemands.Password;
}
