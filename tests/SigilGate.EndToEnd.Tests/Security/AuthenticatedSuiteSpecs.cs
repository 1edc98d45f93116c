using SigilGate.Testing;

namespace SigilGate.EndToEnd.Tests.Security;

/// <summary>
/// etcd with authentication on: root enabled (etcd requires it) and a user whose role may read and
/// write only under the prefix, its password in Etcd:PasswordFile.
/// </summary>
public sealed class AuthenticatedSuiteSpecs : SecuredEtcdSuite
{
    private const string RootPassword = "root-pw-5c1d";
    private const string SigilPassword = "sigil-pw-93fa";
    private const string WrongPassword = "wrong-pw-27be";

    protected override EtcdAccess Access => new(Username: "sigil", PasswordFile: Path.Combine(Directory, "sigil.password"));

    protected override EtcdAccess WrongAccess => Access with { PasswordFile = Path.Combine(Directory, "wrong.password") };

    protected override string WrongAccessMessage => "etcd authentication failed for user 'sigil'";

    protected override string[] AdminFlags => ["--user", "root:" + RootPassword];

    protected override async Task<EtcdServer> StartEtcdAsync()
    {
        foreach (var password in new[] { RootPassword, SigilPassword, WrongPassword }) Secrets.AddPassword(password);
        File.WriteAllText(Path.Combine(Directory, "sigil.password"), SigilPassword + "\n");
        File.WriteAllText(Path.Combine(Directory, "wrong.password"), WrongPassword + "\n");

        var etcd = await EtcdServer.StartNewAsync();
        await EtcdUsers.EnableAsync(etcd, RootPassword, "sigil", SigilPassword, Prefix);
        return etcd;
    }
}
