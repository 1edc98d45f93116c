using System.Globalization;
using dotnet_etcd;
using Etcdserverpb;
using Google.Protobuf;
using SigilGate.Testing.Git;
using SigilGate.Testing;

namespace SigilGate.Bench;

/// <summary>
/// 5. <c>sigil push --node core-1 --workdir CLONE</c>, the Core node pusher, on node areas of
/// 1,000 and 10,000 state records in hooked bare repositories: (a) idle runs against the same
/// executable's <c>--help</c>; (b) runs after raw etcd writes of 100 or 1,000 records, which
/// commit and push through pre-receive and post-receive, compared across area sizes. Each
/// measured change is replayed by plain git (the same files written, staged, committed and pushed
/// into a copy of the repository without hooks): git's own growth with the area, for comparison.
/// </summary>
internal static class PusherScenario
{
    public const string Node = "core-1";
    private const double IdleTargetMs = 50;
    private const double AreaTargetRatio = 1.5;

    // etcd's default --max-txn-ops is 128: 1,000 raw changes go as 8 Txns of 125.
    private const int PutsPerTxn = 125;

    private static readonly string[] Statuses = ["down", "degraded", "unknown", "up"];

    internal const string OpenWhileReading = "git cat-file";

    public static async Task<IReadOnlyList<Figure>> RunAsync(int runs, int warmup, TextWriter output)
    {
        await using var etcd = await EtcdServer.StartNewAsync().ConfigureAwait(false);
        using var environment = new GitEnvironment();
        using var small = await NodeArea.CreateAsync(environment, etcd.Endpoint, "/area-1k", 1_000, output).ConfigureAwait(false);
        using var large = await NodeArea.CreateAsync(environment, etcd.Endpoint, "/area-10k", 10_000, output).ConfigureAwait(false);
        using var client = new EtcdClient(etcd.Endpoint);

        // a. Idle runs of both areas and the --help start-up, in rotating order.
        var idleSmall = new Samples();
        var idleLarge = new Samples();
        var help = new Samples();
        for (var i = 0; i < warmup + runs; i++)
        {
            var measured = i >= warmup;
            Func<Task>[] steps =
            [
                async () => Keep(measured, idleSmall, await small.IdleRunAsync().ConfigureAwait(false)),
                async () => Keep(measured, idleLarge, await large.IdleRunAsync().ConfigureAwait(false)),
                async () => Keep(measured, help, (await TimedProcess.RunCheckedAsync(SigilBinaries.Path("sigil"), ["--help"], small.Clone.Path, small.Clone.Environment.Variables).ConfigureAwait(false)).Milliseconds),
            ];
            for (var k = 0; k < steps.Length; k++) await steps[(i + k) % steps.Length]().ConfigureAwait(false);
        }

        await output.WriteLineAsync($"  a. idle runs (nothing changed in etcd since the last run), rotating with sigil --help:").ConfigureAwait(false);
        await output.WriteLineAsync($"    sigil push, idle, 1,000-record area    {idleSmall.Describe()}").ConfigureAwait(false);
        await output.WriteLineAsync($"    sigil push, idle, 10,000-record area   {idleLarge.Describe()}").ConfigureAwait(false);
        await output.WriteLineAsync($"    sigil --help (start-up only)           {help.Describe()}").ConfigureAwait(false);

        // b. Raw changes in one Txn (1,000: Txns of 125), then one timed run that commits and pushes them.
        // Ten by default: a changed run swings by 10-20% with the load, and 5b is a ratio of two medians.
        var changedRuns = Math.Clamp(runs / 2, 3, 11);
        ChangeCase[] cases =
        [
            new(small, 100, "100 of 1,000 changed"),
            new(large, 100, "100 of 10,000 changed"),
            new(large, 1_000, "1,000 of 10,000 changed"),
        ];
        var round = 1;
        for (var i = 0; i < 1 + changedRuns; i++)
        {
            for (var k = 0; k < cases.Length; k++)
            {
                var c = cases[(i + k) % cases.Length];
                await RawChangesAsync(client, c.Area.Prefix, c.Count, round++).ConfigureAwait(false);
                await c.Area.ChangedRunAsync(c.Count, i >= 1 ? c : null).ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  b. changed runs: raw etcd writes to N state records (one Txn per {PutsPerTxn}), then one timed run that commits and pushes through the hooks; {changedRuns} measured runs each after 1 unmeasured, rotating:")).ConfigureAwait(false);
        foreach (var c in cases)
        {
            await output.WriteLineAsync($"    sigil push, {c.Name,-24} {c.Times.Describe()}; {c.Conflicts} conflicts reported; {c.Settled} of {c.Times.Count} runs were followed by an idle run").ConfigureAwait(false);
        }

        await output.WriteLineAsync("    the same commits by plain git (update-index, write-tree, commit-tree, update-ref, push; no hooks, no etcd):").ConfigureAwait(false);
        foreach (var c in cases)
        {
            await output.WriteLineAsync($"    plain git, {c.Name,-25} {c.PlainGit.Describe()}").ConfigureAwait(false);
        }

        foreach (var c in cases)
        {
            await output.WriteLineAsync($"    where the time of one run goes, {c.Name} (trace2; medians over runs):").ConfigureAwait(false);
            await c.Phases.PrintAsync(output, "      ").ConfigureAwait(false);
        }

        var (s100, l100, l1000) = (cases[0], cases[1], cases[2]);
        return
        [
            new Figure("5a. sigil push, idle, 1,000-record area", idleSmall.Median, "sigil --help", help.Median, $"< {Samples.Ms(IdleTargetMs)}", idleSmall.Median < IdleTargetMs),
            new Figure("5a. sigil push, idle, 10,000-record area", idleLarge.Median, "idle, 1,000-record area", idleSmall.Median, "none (informational)", null),
            new Figure(
                "5b. sigil push, 100 of 10,000 records changed",
                l100.Times.Median,
                "100 of 1,000 changed",
                s100.Times.Median,
                $"cost grows with what changed, not with the area: 10x the area <= {AreaTargetRatio:0.0}x",
                l100.Times.Median <= AreaTargetRatio * s100.Times.Median),
            new Figure("5b. sigil push, 1,000 of 10,000 records changed", l1000.Times.Median, "100 of 10,000 changed", l100.Times.Median, "none (shows growth with what changed)", null),
            new Figure("5b. plain git, the same commit of 100 of 10,000", l100.PlainGit.Median, "of 100 of 1,000", s100.PlainGit.Median, "none (git's own growth with the area, for the row above it)", null),
            new Figure("5b. sigil push beyond plain git, 100 of 10,000", l100.Times.Median - l100.PlainGit.Median, "of 100 of 1,000", s100.Times.Median - s100.PlainGit.Median, "none (informational)", null),
        ];
    }

    private static void Keep(bool measured, Samples samples, double milliseconds)
    {
        if (measured) samples.Add(milliseconds);
    }

    /// <summary>Raw writes of <paramref name="count"/> state records e-1 ... e-N, as a node agent would make them.</summary>
    /// <param name="first">The number of the first entry written (e-FIRST ... e-(FIRST + count - 1)).</param>
    internal static async Task RawChangesAsync(EtcdClient client, string prefix, int count, int round, int first = 1)
    {
        var status = Statuses[round % Statuses.Length];
        var seen = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero).AddSeconds(round).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var value = $$"""{"grpc_path":"/sigil.Entry/Report","last_seen":"{{seen}}","status":"{{status}}"}""";
        foreach (var chunk in Enumerable.Range(first, count).Chunk(PutsPerTxn))
        {
            var txn = new TxnRequest();
            foreach (var e in chunk)
            {
                txn.Success.Add(new RequestOp { RequestPut = new PutRequest { Key = ByteString.CopyFromUtf8(string.Create(CultureInfo.InvariantCulture, $"{prefix}/state/{Node}/entries/e-{e}")), Value = ByteString.CopyFromUtf8(value) } });
            }

            var response = await client.TransactionAsync(txn).ConfigureAwait(false);
            if (!response.Succeeded) throw new InvalidOperationException("a Txn without compares did not succeed");
        }
    }
}
