using System.Diagnostics;

namespace SigilGate.Testing.Soak;

/// <summary>
/// The benchmark's baseline for the soak: how many plain puts per second an agent gets through the
/// same etcd cluster the same way (one etcdctl process per write), with nothing else running.
/// </summary>
public static class SoakBaseline
{
    public static async Task<double> PlainPutsPerSecondAsync(SoakWorld world, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(world);
        var (_, json) = SoakRecords.State("up", DateTimeOffset.UtcNow, "/w/baseline/0");
        var clock = Stopwatch.StartNew();
        var puts = 0;
        while (clock.Elapsed < duration)
        {
            // Outside the prefix: the suite never reads it.
            var result = await world.EtcdctlAsync(["put", $"/soak-baseline/{puts % 12}", json]).ConfigureAwait(false);
            if (result.ExitCode != 0) throw new InvalidOperationException("etcdctl put failed: " + result);
            puts++;
        }

        return puts / clock.Elapsed.TotalSeconds;
    }
}
