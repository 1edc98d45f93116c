using System.Diagnostics;
using System.Net.Sockets;
using System.Net;
using SigilGate.Domain.Store;
using SigilGate.Etcd;

namespace SigilGate.EndToEnd.Tests.Store;

/// <summary>A store connected on another thread: ready to use, or failing as the first call would, and never left open.</summary>
public sealed class BackgroundConnectionSpecs : SingleEtcd
{
    [Test]
    public async Task The_connected_store_reads_and_writes()
    {
        await using var connection = BackgroundConnection.Start(Etcd.Settings());

        var store = await connection.StoreAsync();
        await store.CommitAsync(new Transaction([], [new PutMutation("/background/k", "v")]));

        (await store.GetManyAsync(["/background/k"])).Values.Single().Value.ShouldBe("v");
    }

    [Test]
    public async Task Against_a_stopped_etcd_the_store_fails_as_unavailable_naming_the_endpoint()
    {
        await Etcd.KillAsync();
        await using var connection = BackgroundConnection.Start(Etcd.Settings(timeoutSeconds: 2));

        var error = await Should.ThrowAsync<StoreUnavailableException>(connection.StoreAsync);

        // Refused connections end as "unavailable" or, once the retries outlast it, at the deadline.
        error.Message.ShouldContain(Etcd.Endpoint);
        error.Message.ShouldContain("while trying to connect");
    }

    [Test]
    public async Task A_connection_never_asked_for_is_cancelled_on_dispose_not_waited_out()
    {
        // A port that accepts connections and never answers: the call would wait for its deadline.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var settings = Etcd.Settings(timeoutSeconds: 30) with { Endpoints = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}" };
        var connection = BackgroundConnection.Start(settings);
        await Task.Delay(200);

        var watch = Stopwatch.StartNew();
        await connection.DisposeAsync();

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        connection.StoreAsync().IsCompleted.ShouldBeTrue();
    }
}
