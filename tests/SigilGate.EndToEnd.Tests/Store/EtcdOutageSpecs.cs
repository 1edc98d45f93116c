using System.Diagnostics;
using SigilGate.Domain.Store;
using SigilGate.Etcd;

namespace SigilGate.EndToEnd.Tests.Store;

/// <summary>A single etcd that goes away and comes back: failures are "unavailable", in time, and pass.</summary>
public sealed class EtcdOutageSpecs : SingleEtcd
{
    private const int TimeoutSeconds = 2;
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1.5);
    [Test]
    public async Task Reads_and_writes_against_a_stopped_etcd_fail_as_unavailable_within_the_timeout()
    {
        await using var store = EtcdStoreFactory.Create(Etcd.Settings(TimeoutSeconds));
        await store.CommitAsync(new Transaction([], [new PutMutation("/outage/k", "v")]));
        await Etcd.StopAsync();

        var read = await TimedFailureAsync(() => store.GetPrefixAsync("/outage/"));
        var write = await TimedFailureAsync(() => store.CommitAsync(new Transaction([], [new PutMutation("/outage/k", "w")])));

        read.Message.ShouldContain(Etcd.Endpoint);
        write.Message.ShouldContain(Etcd.Endpoint);
    }

    [Test]
    public async Task A_store_opened_while_etcd_is_down_fails_as_unavailable_within_the_timeout()
    {
        await Etcd.KillAsync();
        await using var store = EtcdStoreFactory.Create(Etcd.Settings(TimeoutSeconds));

        var error = await TimedFailureAsync(() => store.GetManyAsync(["/outage/k"]));

        // Refused connections end as "unavailable" or, once the retries outlast it, at the deadline
        // (both seen in CI); either way within the timeout, naming the endpoint and the action.
        error.Message.ShouldContain(Etcd.Endpoint);
        error.Message.ShouldContain("while trying to read keys");
    }

    [Test]
    public async Task The_same_store_works_again_once_etcd_is_back()
    {
        await using var store = EtcdStoreFactory.Create(Etcd.Settings(TimeoutSeconds));
        await store.CommitAsync(new Transaction([], [new PutMutation("/outage/k", "before")]));
        await Etcd.KillAsync();
        await Should.ThrowAsync<StoreUnavailableException>(() => store.GetPrefixAsync("/outage/"));

        await Etcd.StartAsync();
        var watch = Stopwatch.StartNew();
        var read = await store.GetPrefixAsync("/outage/");

        read.Values.Single().Value.ShouldBe("before");
        await TestContext.Out.WriteLineAsync($"first read after restart took {watch.ElapsedMilliseconds} ms");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(TimeoutSeconds));
    }

    private static async Task<StoreUnavailableException> TimedFailureAsync(Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        var error = await Should.ThrowAsync<StoreUnavailableException>(call);
        await TestContext.Out.WriteLineAsync($"failed after {watch.ElapsedMilliseconds} ms: {error.Message}");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(TimeoutSeconds) + Margin);
        return error;
    }
}
