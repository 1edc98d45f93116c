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
            var leader = await LeaderAsync().ConfigureAwait(false);
            await cluster.KillAsync(member).ConfigureAwait(false);
            Kills++;
            trace.Line("etcd", $"killed member m{member}{(member == leader ? " (the leader)" : "")}");

            // Down for a while; when the run ends the member comes back at once, before quiescence.
            await SoakDelay.Between(random, 1500, 8000, stop).ConfigureAwait(false);
            await RestartAsync(member, stop).ConfigureAwait(false);
        }
    }

    // A busy machine can make a restart slow. No other member is killed until this one serves again
    // (at most one down); when the run ends first, quiescence starts it and fails the run if it cannot.
    private async Task RestartAsync(int member, CancellationToken stop)
    {
        while (true)
        {
            try
            {
                await cluster.StartAsync(member).ConfigureAwait(false);
                trace.Line("etcd", $"member m{member} is back");
                return;
            }
            catch (TimeoutException e) when (!stop.IsCancellationRequested)
            {
                trace.Line("etcd", $"member m{member} not healthy yet: {e.Message.Split(';')[0]}");
            }
            catch (TimeoutException)
            {
                return;
            }
        }
    }

    private async Task<int> LeaderAsync()
    {
        try
        {
            return await cluster.LeaderIndexAsync().ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return -1; // an election under way: kill a member anyway
        }
    }
}
