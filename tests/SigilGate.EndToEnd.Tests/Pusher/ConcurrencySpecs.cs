using SigilGate.Git;

namespace SigilGate.EndToEnd.Tests.Pusher;

/// <summary>Two masters at once: nodes racing each other, an operator and a node on one record, overlapping cron runs.</summary>
public class ConcurrencySpecs : HookedRepository
{
    private static string State(string status, int round) =>
        $"{{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T10:{round:00}:00Z\",\"status\":\"{status}\"}}";

    [Test]
    public async Task Three_core_nodes_racing_for_twenty_rounds_land_every_write()
    {
        Network.WriteBase(Clone);
        Clone.Write("nodes/core/core-3.yaml", Network.Core("core-3", "10.0.1.3:7000"));
        for (var i = 0; i < 3; i++)
        {
            Clone.Write($"nodes/entry/r{i}-a.yaml", Network.Entry($"r{i}-a", $"core-{i + 1}", $"10.9.{i}.1:443"));
            Clone.Write($"nodes/entry/r{i}-b.yaml", Network.Entry($"r{i}-b", $"core-{i + 1}", $"10.9.{i}.2:443"));
        }

        await Clone.CommitAllAsync("three cores, two entries each");
        (await Clone.PushAsync("root")).ExitCode.ShouldBe(0);
        var nodes = new List<NodeClone>();
        for (var i = 1; i <= 3; i++) nodes.Add(await NodeClone.CreateAsync(Bare, $"core-{i}", Etcd.Endpoint));

        try
        {
            for (var round = 1; round <= 20; round++)
            {
                for (var i = 0; i < 3; i++)
                {
                    var entry = round % 2 == 0 ? $"r{i}-a" : $"r{i}-b";
                    await Etcd.EtcdctlAsync("put", $"/sigil/state/core-{i + 1}/entries/{entry}", State(round % 3 == 0 ? "down" : "up", round));
                }

                var runs = await Task.WhenAll(nodes.Select(n => n.PushAsync()));
                runs.ShouldAllBe(r => r.ExitCode == 0, string.Join("\n", runs.Select(r => r.ToString())));
            }

            // Every node's last write for every record is in Git, and equals etcd.
            var data = await DataKeysAsync();
            for (var i = 0; i < 3; i++)
            {
                foreach (var (entry, round) in new[] { ($"r{i}-a", 20), ($"r{i}-b", 19) })
                {
                    var shown = await Bare.GitAsync("show", $"main:state/core-{i + 1}/entries/{entry}.yaml");
                    shown.StandardOutput.ShouldContain($"last_seen: 2026-11-23T10:{round:00}:00Z", Case.Sensitive, shown.ToString());
                    data[$"/sigil/state/core-{i + 1}/entries/{entry}"].ShouldBe(State(round % 3 == 0 ? "down" : "up", round));
                }
            }
        }
        finally
        {
            nodes.ForEach(n => n.Dispose());
        }
    }

    [Test]
    public async Task An_operator_and_a_node_editing_one_record_at_once_end_with_one_winner_on_both_sides_and_both_versions_kept()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        const string nodeValue = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T11:00:00Z\",\"status\":\"down\"}";

        // Both change state/core-1/entries/e-1 before either side has seen the other.
        Clone.Write("state/core-1/entries/e-1.yaml", Network.State("degraded"));
        await CommitInTheSameSecondAsync(Clone, "operator marks e-1 degraded");
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", nodeValue);
        var operatorPush = await Clone.PushAsync("alice");
        operatorPush.ExitCode.ShouldBe(0, operatorPush.ToString());
        operatorPush.StandardError.ShouldContain("conflict /sigil/state/core-1/entries/e-1");

        var run = await node.PushAsync();
        run.ExitCode.ShouldBe(0, run.ToString());

        // One winner on both sides.
        var inEtcd = (await DataKeysAsync())["/sigil/state/core-1/entries/e-1"];
        var inGit = (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput;
        var winnerIsNode = inEtcd == nodeValue;
        inGit.ShouldContain(winnerIsNode ? "status: down" : "status: degraded");

        // The loser is kept in etcd and in the repository.
        var keptInEtcd = (await EtcdKeysAsync()).Where(k => k.Key.StartsWith("/sigil/.sigil/conflicts/state/core-1/entries/e-1/", StringComparison.Ordinal)).ToList();
        keptInEtcd.Count.ShouldBe(1);
        keptInEtcd[0].Value.ShouldContain(winnerIsNode ? "degraded" : "down");
        var keptInGit = await Bare.GitAsync("ls-tree", "-r", "--name-only", "main", ".sigil/conflicts/state/core-1/entries/e-1/");
        keptInGit.StandardOutput.Trim().Split('\n').Length.ShouldBe(1, keptInGit.ToString());

        // And running again changes nothing: the two sides agree.
        var tip = await Bare.TipAsync();
        (await node.PushAsync()).ExitCode.ShouldBe(0);
        (await Bare.TipAsync()).ShouldBe(tip);
    }

    [Test]
    public async Task A_run_that_overlaps_a_running_one_does_nothing()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", State("down", 1));
        var tip = await Bare.TipAsync();

        using (var held = await FileLock.TryAcquireAsync(Path.Combine(node.Clone.Path, ".git", "sigil-push.lock"), TimeSpan.Zero))
        {
            held.ShouldNotBeNull();
            var overlapping = await node.PushAsync();

            overlapping.ExitCode.ShouldBe(0, overlapping.ToString());
            overlapping.StandardError.ShouldContain("another sigil push is running");
            (await Bare.TipAsync()).ShouldBe(tip);
        }

        (await node.PushAsync()).ExitCode.ShouldBe(0);
        (await Bare.TipAsync()).ShouldNotBe(tip);
    }
}
