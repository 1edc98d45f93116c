namespace SigilGate.EndToEnd.Tests.Pusher;

/// <summary>A push the server refuses for good is reported at once, not retried as a lost race.</summary>
public class RefusedPushSpecs : HookedRepository
{
    private const string Down = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-12-06T10:00:00Z\",\"status\":\"down\"}";

    [Test]
    public async Task A_push_the_gate_refuses_exits_1_at_once_with_the_servers_error_lines()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);

        // The server reads the pusher's identity from a variable this node does not set: no identity, refused.
        var run = await node.PushAsync(("SIGIL_SIGIL__IDENTITYVARIABLE", "NODE_IDENTITY"));

        run.ExitCode.ShouldBe(1, run.ToString());
        run.StandardError.ShouldContain("remote: sigil: error:");
        run.StandardError.ShouldContain("refused by the server (not a race, not retried)");
        run.StandardError.ShouldNotContain("push rejected (attempt");
        run.StandardError.ShouldNotContain("gave up");
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: up");
    }
}
