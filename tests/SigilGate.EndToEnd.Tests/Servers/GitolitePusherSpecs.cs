using System.Diagnostics;
using SigilGate.EndToEnd.Tests.Pusher;

namespace SigilGate.EndToEnd.Tests.Servers;

/// <summary>
/// <c>sigil push</c> on Core nodes pushing over SSH into gitolite, each with its own key in its
/// clone's core.sshCommand (what install-node.sh --ssh-key writes).
/// </summary>
public class GitolitePusherSpecs : GitoliteRepository
{
    [Test]
    public async Task A_raw_etcd_write_reaches_git_through_sigil_push_over_ssh()
    {
        await PushBaseNetworkAsync();
        var node = await NodeAsync("core-1");
        var down = ServedNetwork.StateJson("down");
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", down);

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.StandardError.ShouldContain(PushLines.Of("pushed 1 record"));
        (await Served.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
        (await Served.GitAsync("log", "-1", "--format=%B", "main")).StandardOutput.ShouldContain("Sigil-Node: core-1");
        (await DataKeysAsync())["/sigil/state/core-1/entries/e-1"].ShouldBe(down);
    }

    [TestCase(2)]
    [TestCase(3)]
    public async Task Core_nodes_racing_each_other_over_ssh_all_land(int count)
    {
        await PushBaseNetworkAsync();
        var entries = new[] { "e-1", "e-2", "e-3" };
        var nodes = new List<NodeClone>();
        for (var i = 1; i <= count; i++) nodes.Add(await NodeAsync($"core-{i}"));
        for (var i = 1; i <= count; i++) await Etcd.EtcdctlAsync("put", $"/sigil/state/core-{i}/entries/{entries[i - 1]}", ServedNetwork.StateJson("degraded", i));

        var runs = await Task.WhenAll(nodes.Select(n => n.PushAsync()));

        runs.ShouldAllBe(r => r.ExitCode == 0, string.Join("\n", runs.Select(r => r.ToString())));
        for (var i = 1; i <= count; i++)
        {
            var shown = await Served.GitAsync("show", $"main:state/core-{i}/entries/{entries[i - 1]}.yaml");
            shown.StandardOutput.ShouldContain($"last_seen: 2026-11-23T11:{i:00}:00Z", Case.Sensitive, shown.ToString());
        }
    }

    [Test]
    public async Task A_node_whose_key_gitolite_does_not_know_is_refused_at_once_and_not_retried_as_a_lost_race()
    {
        await PushBaseNetworkAsync();
        var tip = await Served.TipAsync();
        var node = await NodeAsync("core-1");
        var unknown = await Server.UnknownKeyAsync("core-1-stolen-laptop");
        (await node.Clone.GitAsync("config", "core.sshCommand", unknown.SshCommand(Server.Port))).ExitCode.ShouldBe(0);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", ServedNetwork.StateJson("down"));

        var watch = Stopwatch.StartNew();
        var run = await node.PushAsync();
        watch.Stop();

        run.StandardError.ShouldNotContain("(attempt ", Case.Sensitive, run.ToString());
        run.StandardError.ShouldNotContain("deciding again", Case.Sensitive, run.ToString());
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15), run.ToString());
        (await Served.TipAsync()).ShouldBe(tip);
        run.ExitCode.ShouldBe(1, run.ToString());
    }

    /// <summary>A Core node's clone over SSH with the node's own key, configured as install-node.sh leaves it; removed after the test.</summary>
    private async Task<NodeClone> NodeAsync(string node)
    {
        var clone = await ClientAsync(node);
        return NodeClone.Of(clone, node, Etcd.Endpoint, SigilBinaries.Directory);
    }
}
