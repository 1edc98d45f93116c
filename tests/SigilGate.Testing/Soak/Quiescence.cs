namespace SigilGate.Testing.Soak;

/// <summary>
/// Brings the run to rest: every etcd member up, then <c>sigil apply</c> and each node's
/// <c>sigil push</c> in turn, round after round, until a whole round changes neither the branch
/// nor etcd (bounded: a system that never settles is a failure).
/// </summary>
internal sealed class Quiescence(SoakWorld world, SigilRunner runner, SoakTrace trace)
{
    public const int MaxRounds = 12;

    public async Task<int?> SettleAsync()
    {
        for (var member = 0; member < world.Cluster.Count; member++)
        {
            if (world.Cluster.IsRunning(member)) continue;
            await world.Cluster.StartAsync(member).ConfigureAwait(false);
            trace.Line("etcd", $"member m{member} is back for quiescence");
        }

        await world.Cluster.LeaderIndexAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        for (var round = 1; round <= MaxRounds; round++)
        {
            var tip = await world.Bare.TipAsync().ConfigureAwait(false);
            var revision = await RevisionAsync().ConfigureAwait(false);
            var clean = (await runner.ApplyAsync().ConfigureAwait(false)).ExitCode == 0;
            for (var node = 0; node < world.Nodes.Count; node++)
            {
                clean &= (await runner.PushAsync(node).ConfigureAwait(false)).ExitCode == 0;
            }

            var still = tip == await world.Bare.TipAsync().ConfigureAwait(false) && revision == await RevisionAsync().ConfigureAwait(false);
            trace.Line("quiet", $"round {round}: {(clean ? "every run exited 0" : "a run failed")}, {(still ? "nothing changed" : "something changed")}");
            if (clean && still) return round;
        }

        return null;
    }

    private Task<long> RevisionAsync() => world.Cluster.RevisionAsync();
}
