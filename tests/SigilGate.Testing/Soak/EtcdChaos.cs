namespace SigilGate.Testing.Soak;

/// <summary>Kills a random etcd member (SIGKILL), at most one at a time, and starts it again later with its data.</summary>
internal sealed class EtcdChaos(EtcdCluster cluster, SoakTrace trace, Random random)
{
    public int Kills { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await SoakDelay.Between(random, 4000, 15000, stop).ConfigureAwait(false);
            if (stop.IsCancellationRequested) break;
            var member = random.Next(cluster.Count);
            var leader = await cluster.LeaderIndexAsync().ConfigureAwait(false);
            await cluster.KillAsync(member).ConfigureAwait(false);
            Kills++;
            trace.Line("etcd", $"killed member m{member}{(member == leader ? " (the leader)" : "")}");

            // Down for a while; when the run ends the member comes back at once, before quiescence.
            await SoakDelay.Between(random, 1500, 8000, stop).ConfigureAwait(false);
            await cluster.StartAsync(member).ConfigureAwait(false);
            trace.Line("etcd", $"member m{member} is back");
        }
    }
}
