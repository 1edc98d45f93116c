using SigilGate.EndToEnd.Tests.Hooks;

namespace SigilGate.EndToEnd.Tests.Commands;

/// <summary>A hooked repository where an entry edited in etcd by hand and e-1's state written by its node meet alice's push of both records in the same second: two kept losers.</summary>
public abstract class ConflictedRepository : HookedRepository
{
    protected const string HandEdit = "{\"address\":\"10.0.0.1:8443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-1\"}";
    protected const string NodeWrite = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T10:05:00Z\",\"status\":\"down\"}";
    protected const string StatePath = "state/core-1/entries/e-1.yaml";
    protected const string StateKey = "/sigil/state/core-1/entries/e-1";
    protected const string EntryPath = "nodes/entry/e-1.yaml";
    protected const string EntryKey = "/sigil/nodes/entry/e-1";

    protected async Task MakeTwoConflictsAsync()
    {
        await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", EntryKey, HandEdit);
        await Etcd.EtcdctlAsync("put", StateKey, NodeWrite);
        Clone.Write(EntryPath, Network.Entry("e-1", "core-1", "10.0.0.1:443", enabled: false));
        Clone.Write(StatePath, Network.State("degraded"));
        await CommitInTheSameSecondAsync(Clone, "disable e-1, e-1 degraded");
        var push = await Clone.PushAsync("alice");
        push.ExitCode.ShouldBe(0, push.ToString());
        (await EtcdKeysAsync()).Keys.Count(k => k.StartsWith("/sigil/.sigil/conflicts/", StringComparison.Ordinal)).ShouldBe(2, push.ToString());
    }
}
