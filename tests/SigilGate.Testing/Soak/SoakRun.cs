using System.Diagnostics;

namespace SigilGate.Testing.Soak;

/// <summary>
/// The seeded soak: one operator and the Core nodes' agents write at random in Git and etcd while
/// the nodes' pushers and the server's apply run on random schedules (some killed part-way) and
/// etcd members die and come back; then quiescence and the checks of <see cref="SoakVerdict"/>.
/// Each actor draws from its own generator seeded from the run's seed, so a seed replays every
/// choice (the interleaving of real processes still varies).
/// </summary>
public static class SoakRun
{
    public static async Task<SoakResult> RunAsync(SoakOptions options, TextWriter log, Func<SoakWorld, Task>? beforeWriters = null, CancellationToken cancellation = default)
    {
        var trace = new SoakTrace(log);
        var ledger = new SoakLedger();
        trace.Line("soak", $"{options}; replay with {SoakOptions.SeedVariable}={options.Seed}");
        await using var world = await SoakWorld.CreateAsync(options, ledger).ConfigureAwait(false);
        var runner = new SigilRunner(world, trace);
        var quiet = new Quiescence(world, runner, trace);
        if (await quiet.SettleAsync().ConfigureAwait(false) is null) throw new InvalidOperationException("the base network never settled");
        if (beforeWriters is not null) await beforeWriters(world).ConfigureAwait(false);

        var seeds = new Random(options.Seed);
        var chaos = new EtcdChaos(world.Cluster, trace, new Random(seeds.Next()));
        var agents = Enumerable.Range(1, options.Cores).Select(c => new NodeAgent(world, ledger, trace, new Random(seeds.Next()), c)).ToList();
        var operatorWriter = new OperatorWriter(world, ledger, trace, new Random(seeds.Next()));

        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        stop.CancelAfter(options.Duration);
        var actors = new List<Task>
        {
            operatorWriter.RunAsync(stop.Token),
            chaos.RunAsync(stop.Token),
            runner.ApplyLoopAsync(new Random(seeds.Next()), stop.Token),
        };
        actors.AddRange(agents.Select(a => a.RunAsync(stop.Token)));
        actors.AddRange(Enumerable.Range(0, options.Cores).Select(n => runner.PushLoopAsync(n, new Random(seeds.Next()), stop.Token)));
        await Task.WhenAll(actors).ConfigureAwait(false);
        var runTime = clock.Elapsed;
        trace.Line("soak", $"writers stopped after {runTime.TotalSeconds:0} s; settling");

        cancellation.ThrowIfCancellationRequested();
        var settling = Stopwatch.StartNew();
        var rounds = await quiet.SettleAsync().ConfigureAwait(false);
        var problems = new List<string>(runner.Problems);
        if (rounds is null) problems.Add($"etcd and Git did not settle within {Quiescence.MaxRounds} rounds of sigil apply and sigil push");

        var final = await SoakFinalState.ReadAsync(world).ConfigureAwait(false);
        var counts = SoakVerdict.Check(ledger, final, problems);
        var result = new SoakResult(options, problems, counts, runTime, settling.Elapsed, rounds, runner.Runs, runner.Killed, chaos.Kills, agents.Sum(a => a.Collisions));
        trace.Line("soak", result.Summary);
        foreach (var problem in problems) trace.Line("PROBLEM", problem);
        if (problems.Count > 0) await SoakDiagnosis.WriteAsync(world, problems, trace).ConfigureAwait(false);
        return result;
    }
}
