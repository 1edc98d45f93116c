using System.Diagnostics;
using System.Globalization;
using SigilGate.Etcd;

namespace SigilGate.EndToEnd.Tests.Cluster;

/// <summary>The etcd leader dies while post-receive is writing a 2,000-record commit.</summary>
public sealed class LeaderKilledDuringApplySpecs : ClusteredRepository
{
    private const int Records = 2000;
    private const string BulkPrefix = Prefix + "/nodes/entry/bulk-";

    [Test]
    public async Task Post_receive_rides_through_the_leader_change_and_etcd_equals_git()
    {
        await PushBaseNetworkAsync();
        var expected = RecordJson.BaseNetwork();
        for (var i = 0; i < Records; i++)
        {
            var id = "bulk-" + i.ToString(CultureInfo.InvariantCulture);
            var address = $"10.3.{i / 250}.{i % 250}:443";
            Clone.Write($"nodes/entry/{id}.yaml", Network.Entry(id, "core-1", address));
            expected[Prefix + "/nodes/entry/" + id] = RecordJson.Entry(id, "core-1", address);
        }

        var tip = await Clone.CommitAllAsync($"{Records} entries");
        var leader = await Etcd.LeaderIndexAsync();

        var watch = Stopwatch.StartNew();
        var push = Clone.PushAsync("alice");
        var writtenAtKill = await KillLeaderOnceTheApplyIsUnderWayAsync(leader, push);
        var pushed = await push;
        await TestContext.Out.WriteLineAsync($"leader m{leader} killed with {writtenAtKill} of {Records} records in etcd; push took {watch.ElapsedMilliseconds} ms:\n{pushed.StandardError}");

        pushed.ExitCode.ShouldBe(0, pushed.ToString());
        writtenAtKill.ShouldBeInRange(1, Records - 1);
        (await Etcd.LeaderIndexAsync()).ShouldNotBe(leader);

        // The writes lost with the old leader are sent again once (they are guarded by mod revision,
        // so a write that did land is recognised, not repeated): the hook finishes the apply itself.
        SigilLines(pushed).ShouldHaveSingleItem().ShouldStartWith($"remote: sigil: applied {tip[..7]} to etcd");
        ShouldHoldExactly(await DataKeysAsync(), expected);

        // What cron runs next finds nothing left to do.
        var apply = await SigilAsync("apply");
        apply.ExitCode.ShouldBe(0, apply.ToString());
        apply.StandardError.ShouldBeEmpty();
        var drift = await SigilAsync("drift");
        drift.ExitCode.ShouldBe(0, drift.ToString());
        drift.StandardOutput.ShouldContain($"holds main at {tip[..7]}");
        (await Bare.GitAsync("notes", "--ref=sigil", "show", tip)).ExitCode.ShouldBe(0);
    }

    /// <summary>
    /// Watches the bulk keys appear from inside the test and kills the leader as soon as some but
    /// not all are written, so the kill lands between the apply's batches. Returns how many there were.
    /// </summary>
    private async Task<int> KillLeaderOnceTheApplyIsUnderWayAsync(int leader, Task push)
    {
        await using var store = EtcdStoreFactory.Create(Etcd.Settings());
        while (!push.IsCompleted)
        {
            var written = (await store.GetPrefixAsync(BulkPrefix)).Values.Count;
            if (written > 0 && written < Records)
            {
                await Etcd.KillAsync(leader);
                return written;
            }

            if (written == Records) return written;
            await Task.Delay(5);
        }

        return 0;
    }
}
