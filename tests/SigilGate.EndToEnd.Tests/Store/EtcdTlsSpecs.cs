using SigilGate.Domain.Configuration;
using SigilGate.Domain.Store;
using SigilGate.Etcd;

namespace SigilGate.EndToEnd.Tests.Store;

/// <summary>etcd over https with a private CA that also requires a client certificate (--client-cert-auth).</summary>
public sealed class EtcdTlsSpecs : EndToEndFixture<SecuredEtcd>
{
    protected override bool OneForAllTests => true;

    private EtcdServer Etcd => Parts.Server;

    private TestCertificates Certificates => Parts.Certificates!;

    protected override Task<SecuredEtcd> CreateAsync() => SecuredEtcd.StartAsync(EtcdDemands.Tls);

    [Test]
    public async Task With_the_ca_and_a_client_certificate_the_store_reads_and_writes_over_https()
    {
        Etcd.Endpoint.ShouldStartWith("https://");
        await using var store = EtcdStoreFactory.Create(Settings() with { CertFile = Certificates.ClientCertFile, KeyFile = Certificates.ClientKeyFile });

        var write = await store.CommitAsync(new Transaction([], [new PutMutation("/tls/k", "v")]));
        var read = await store.GetManyAsync(["/tls/k"]);

        read.Values.ShouldHaveSingleItem().ModRevision.ShouldBe(write.Revision);
        (await Etcd.EtcdctlAsync("get", "/tls/k", "--print-value-only")).Trim().ShouldBe("v");
    }

    [Test]
    public async Task A_server_certificate_from_an_unknown_ca_is_refused_with_a_hint_at_the_tls_settings()
    {
        var other = Parts.OtherCertificates!;
        await using var store = EtcdStoreFactory.Create(Settings() with { CaFile = other.CaFile, CertFile = Certificates.ClientCertFile, KeyFile = Certificates.ClientKeyFile });

        var error = await Should.ThrowAsync<StoreException>(() => store.GetPrefixAsync("/tls/"));

        error.ShouldNotBeOfType<StoreUnavailableException>();
        error.Message.ShouldContain("TLS handshake");
        error.Message.ShouldContain("Etcd:CaFile");
    }

    [Test]
    public async Task Without_a_client_certificate_the_refused_connection_points_at_the_certificate_settings()
    {
        await using var store = EtcdStoreFactory.Create(Settings());

        var error = await Should.ThrowAsync<StoreException>(() => store.GetPrefixAsync("/tls/"));

        await TestContext.Out.WriteLineAsync($"{error.GetType().Name}: {error.Message}");
        error.Message.ShouldContain("Etcd:CertFile");
    }

    [Test]
    public void A_ca_file_with_http_endpoints_is_refused_before_any_request()
    {
        var settings = Settings() with { Endpoints = Etcd.Endpoint.Replace("https://", "http://", StringComparison.Ordinal) };

        var error = Should.Throw<StoreException>(() => EtcdStoreFactory.Create(settings));

        error.Message.ShouldContain("use https:// endpoints");
    }

    private EtcdSettings Settings() => Etcd.Settings() with { CaFile = Certificates.CaFile };
}
