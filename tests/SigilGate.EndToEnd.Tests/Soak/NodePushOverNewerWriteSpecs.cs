using System.Globalization;
using SigilGate.EndToEnd.Tests.Hooks;
using SigilGate.EndToEnd.Tests.Pusher;

namespace SigilGate.EndToEnd.Tests.Soak;

/// <summary>
/// Found by the soak (seed 12038865): a Core node's push carries what it read from etcd; when the
/// node's agent writes again before that push is applied, the apply must not put the older value
/// back over the newer one. A write made behind the suite's back gets a guessed vector (the recorded
/// one plus one by the node), the same for every such write until the next record, so a pushed
/// version that covers the guess had seen an earlier write, not this one.
/// </summary>
public sealed class NodePushOverNewerWriteSpecs : HookedRepository
{
    private const string Key = "/sigil/state/core-1/entries/e-1";
    private const string Read = """{"grpc_path":"/w/core-1/1","last_seen":"2026-11-23T11:00:00Z","status":"down"}""";
    private const string Newer = """{"grpc_path":"/w/core-1/2","last_seen":"2026-11-23T11:00:05Z","status":"up"}""";

    [Test]
    public async Task A_node_push_that_read_etcd_before_its_agent_wrote_again_leaves_the_newer_value_in_etcd_and_mirrors_it_next()
    {
        await PushBaseNetworkAsync();

        // A later commit elsewhere: the node's push then resolves e-1 against a newer Git version,
        // so the version it pushes covers more than the guess for a raw write.
        await Task.Delay(1100);
        Clone.Write("network.yaml", "name: test-net-2\nsync_interval: 30s\n");
        await Clone.CommitAllAsync("rename the network");
        (await Clone.PushAsync("alice")).ExitCode.ShouldBe(0);

        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", Key, Read);
        AgentWritesWhileThePushIsOnItsWay(node, Newer);

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        (await DataKeysAsync())[Key].ShouldBe(Newer, "the push of the value read before must not replace the agent's newer write");

        var next = await node.PushAsync();
        next.ExitCode.ShouldBe(0, next.ToString());
        (await DataKeysAsync())[Key].ShouldBe(Newer);
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("grpc_path: /w/core-1/2");
    }

    // git runs the clone's pre-push hook after sigil push has read etcd, decided and committed, and
    // before the server applies the push: exactly the window in which an agent's write is unseen.
    private void AgentWritesWhileThePushIsOnItsWay(NodeClone node, string value)
    {
        var hook = Path.Combine(node.Clone.Path, ".git", "hooks", "pre-push");
        File.WriteAllText(hook, string.Create(CultureInfo.InvariantCulture, $"""
            #!/bin/sh
            [ -e .git/agent-wrote ] && exit 0
            touch .git/agent-wrote
            ETCDCTL_API=3 exec etcdctl --endpoints {Etcd.Endpoint} put {Key} '{value}' >/dev/null
            """));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
