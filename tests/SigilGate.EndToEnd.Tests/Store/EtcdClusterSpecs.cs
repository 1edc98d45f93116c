using System.Diagnostics;
using SigilGate.Domain.Store;
using SigilGate.Etcd;
using SigilGate.Workflows.Ports;

namespace SigilGate.EndToEnd.Tests.Store;

/// <summary>A three-member cluster behind one comma-separated Etcd:Endpoints: any one member may be down.</summary>
public sealed class EtcdClusterSpecs : ThreeMemberCluster
{
    [Test]
    public async Task With_a_follower_killed_the_store_still_reads_and_writes()
    {
        var leader = await Cluster.LeaderIndexAsync();
        await Cluster.KillAsync((leader + 1) % 3);

        await ReadsAndWritesAsync();
    }

    [Test]
    public async Task With_the_leader_killed_the_same_store_reads_and_writes_again_once_a_new_leader_is_elected()
    {
        // A request already forwarded to the dead leader is lost and waits out its deadline, as with
        // etcdctl; the suite keeps such work pending. What matters is that the store recovers by itself.
        await using var store = EtcdStoreFactory.Create(Cluster.Settings());
        await store.CommitAsync(new Transaction([], [new PutMutation("/cluster/before", "1")]));
        var old = await Cluster.LeaderIndexAsync();
        await Cluster.KillAsync(old);

        var leader = await Cluster.LeaderIndexAsync();

        leader.ShouldNotBe(old);
        await ReadsAndWritesAsync(store);
    }

    [Test]
    public async Task With_the_first_listed_member_down_from_the_start_the_store_still_works()
    {
        await Cluster.KillAsync(0);
        await Cluster.LeaderIndexAsync(); // member 0 may have been the leader

        await ReadsAndWritesAsync();
    }

    [Test]
    public async Task With_every_member_down_the_store_reports_all_endpoints_unavailable()
    {
        await using var store = EtcdStoreFactory.Create(Cluster.Settings(timeoutSeconds: 2));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(Cluster.KillAsync));

        var watch = Stopwatch.StartNew();
        var error = await Should.ThrowAsync<StoreUnavailableException>(() => store.GetPrefixAsync("/cluster/"));

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3.5));
        Cluster.EndpointList.ShouldAllBe(e => error.Message.Contains(e));
    }

    private async Task ReadsAndWritesAsync(IKeyValueStore? open = null)
    {
        var store = open ?? EtcdStoreFactory.Create(Cluster.Settings());
        try
        {
            var watch = Stopwatch.StartNew();
            var write = await store.CommitAsync(new Transaction([new Guard("/cluster/k", 0)], [new PutMutation("/cluster/k", "v")]));
            var read = await store.GetPrefixAsync("/cluster/");
            await TestContext.Out.WriteLineAsync($"write and read took {watch.ElapsedMilliseconds} ms");

            write.Succeeded.ShouldBeTrue();
            read.ByKey()["/cluster/k"].ModRevision.ShouldBe(write.Revision);
            for (var i = 0; i < 10; i++)
            {
                // Round-robin over the live members: none of the next calls may land on the dead one.
                (await store.GetManyAsync(["/cluster/k"])).Values.ShouldHaveSingleItem();
            }
        }
        finally
        {
            if (open is null)
            {
                await store.DisposeAsync();
            }
        }
    }
}
