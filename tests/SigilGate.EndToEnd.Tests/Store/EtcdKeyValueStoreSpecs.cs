using SigilGate.Etcd;
using SigilGate.Workflows.Ports;

namespace SigilGate.EndToEnd.Tests.Store;

/// <summary>The store contract, against a real etcd through the adapter.</summary>
public sealed class EtcdKeyValueStoreSpecs : KeyValueStoreContract
{
    private EtcdServer etcd = null!;

    [OneTimeSetUp]
    public async Task StartEtcdAsync() => etcd = await EtcdServer.StartNewAsync();

    [OneTimeTearDown]
    public async Task StopEtcdAsync() => await etcd.DisposeAsync();

    protected override Task<IKeyValueStore> OpenStoreAsync() => Task.FromResult(EtcdStoreFactory.Create(etcd.Settings()));

    protected override Task CompactAsync(long revision) =>
        etcd.EtcdctlAsync("compact", revision.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Test]
    public async Task A_key_written_with_etcdctl_is_read_with_etcds_revisions()
    {
        await etcd.EtcdctlAsync("put", P + "direct", "{\"status\":\"down\"}");

        var read = await Store.GetPrefixAsync(P);

        var value = read.Values.ShouldHaveSingleItem();
        value.Value.ShouldBe("{\"status\":\"down\"}");
        value.ModRevision.ShouldBe(read.Revision);
    }
}
