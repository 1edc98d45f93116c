using SigilGate.Domain.Configuration;
using SigilGate.Domain.Store;
using SigilGate.Etcd;

namespace SigilGate.EndToEnd.Tests.Store;

/// <summary>etcd with authentication on: a user and a password read from Etcd:PasswordFile.</summary>
public sealed class EtcdAuthenticationSpecs : EndToEndFixture<SecuredEtcd>
{
    private const string SigilPassword = SecuredEtcd.Password;

    protected override bool OneForAllTests => true;

    private EtcdServer Etcd => Parts.Server;

    protected override Task<SecuredEtcd> CreateAsync() => SecuredEtcd.StartAsync(EtcdDemands.Password);

    [Test]
    public async Task A_user_whose_password_file_ends_in_a_newline_reads_and_writes()
    {
        await using var store = EtcdStoreFactory.Create(Settings("sigil", SigilPassword + "\n"));

        var write = await store.CommitAsync(new Transaction([], [new PutMutation("/sigil/network", "{}")]));
        var read = await store.GetPrefixAsync("/sigil/");

        write.Succeeded.ShouldBeTrue();
        read.Values.ShouldHaveSingleItem().ModRevision.ShouldBe(write.Revision);
    }

    [Test]
    public async Task A_wrong_password_is_an_authentication_failure_whose_message_names_the_settings_not_the_password()
    {
        await using var store = EtcdStoreFactory.Create(Settings("sigil", "not-the-password"));

        var error = await Should.ThrowAsync<StoreException>(() => store.GetPrefixAsync("/sigil/"));

        error.ShouldNotBeOfType<StoreUnavailableException>();
        error.Message.ShouldContain("authentication failed for user 'sigil'");
        error.Message.ShouldContain("Etcd:PasswordFile");
        error.ToString().ShouldNotContain("not-the-password");
    }

    [Test]
    public async Task Without_credentials_the_message_asks_for_them()
    {
        await using var store = EtcdStoreFactory.Create(Etcd.Settings());

        var error = await Should.ThrowAsync<StoreException>(() => store.GetPrefixAsync("/sigil/"));

        error.ShouldNotBeOfType<StoreUnavailableException>();
        error.Message.ShouldContain("requires authentication");
    }

    [Test]
    public async Task A_write_outside_the_users_permissions_is_refused_with_a_hint_at_its_role()
    {
        await using var store = EtcdStoreFactory.Create(Settings("sigil", SigilPassword));

        var error = await Should.ThrowAsync<StoreException>(() => store.CommitAsync(new Transaction([], [new PutMutation("/elsewhere/k", "v")])));

        error.ShouldNotBeOfType<StoreUnavailableException>();
        error.Message.ShouldContain("permission denied");
        error.Message.ShouldContain("grant-permission");
    }

    [Test]
    public void A_missing_password_file_is_reported_when_the_store_is_created()
    {
        var settings = Etcd.Settings() with { Username = "sigil", PasswordFile = Path.Combine(Parts.Directory, "absent") };

        var error = Should.Throw<StoreException>(() => EtcdStoreFactory.Create(settings));

        error.Message.ShouldContain("cannot read the etcd password file");
        error.Message.ShouldContain(settings.PasswordFile!);
    }

    [Test]
    public async Task Credentials_for_an_etcd_without_authentication_are_reported_as_such()
    {
        await using var plain = await EtcdServer.StartNewAsync();
        await using var store = EtcdStoreFactory.Create(Settings("sigil", SigilPassword) with { Endpoints = plain.Endpoint });

        var error = await Should.ThrowAsync<StoreException>(() => store.GetPrefixAsync("/sigil/"));

        error.ShouldNotBeOfType<StoreUnavailableException>();
        error.Message.ShouldContain("authentication is not enabled");
    }

    private EtcdSettings Settings(string user, string password)
    {
        var file = Path.Combine(Parts.Directory, Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, password);
        return Etcd.Settings() with { Username = user, PasswordFile = file };
    }
}
