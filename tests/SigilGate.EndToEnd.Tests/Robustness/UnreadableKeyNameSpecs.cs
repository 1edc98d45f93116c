using System.Text;
using SigilGate.EndToEnd.Tests.Pusher;

namespace SigilGate.EndToEnd.Tests.Robustness;

/// <summary>
/// etcd takes any bytes as a key name. A key under the prefix whose name is not UTF-8 (put through
/// the gateway, by a buggy agent) is no key the suite can name or write: read loosely it would be
/// another key (U+FFFD for the bad byte), which reconcile deleted in vain until it gave up saying
/// "etcd keys kept changing", and which a Core node's pusher looked up, found missing and passed
/// over with exit 0. Every command that lists the prefix stops instead, naming the key byte for byte
/// and how to delete it, and changes nothing.
/// </summary>
public class UnreadableKeyNameSpecs : HookedRepository
{
    private static readonly byte[] BadByte = [0xff];

    private static IEnumerable<TestCaseData> Keys()
    {
        yield return new TestCaseData("/sigil/state/core-1/entries/e", "9", true).SetArgDisplayNames("in core-1's area");
        yield return new TestCaseData("/sigil/nodes/entry/e", "1", false).SetArgDisplayNames("beside a record");
        yield return new TestCaseData("/sigil/.sigil/versions/nodes/entry/e", "1", false).SetArgDisplayNames("in the bookkeeping");
    }

    [TestCaseSource(nameof(Keys))]
    public async Task A_key_whose_name_is_not_utf8_stops_every_command_that_lists_the_prefix_naming_it(string before, string after, bool inCore1sArea)
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        (await node.PushAsync()).ExitCode.ShouldBe(0);
        byte[] key = [.. Encoding.UTF8.GetBytes(before), .. BadByte, .. Encoding.UTF8.GetBytes(after)];
        await EtcdRawPut.PutAsync(Etcd.Endpoint, key, Encoding.UTF8.GetBytes("{\"grpc_path\":\"/g\",\"last_seen\":\"2026-11-23T10:00:00Z\",\"status\":\"down\"}"));
        var spelt = $"{before}\\xff{after}";
        var keysBefore = await EtcdKeysAsync();
        var tipBefore = await Bare.TipAsync();

        var runs = new Dictionary<string, ProcessResult>
        {
            ["drift"] = await SigilAsync("drift"),
            ["drift --json"] = await SigilAsync("drift", "--json"),
            ["reconcile --dry-run"] = await SigilAsync("reconcile", "--dry-run"),
            ["reconcile"] = await SigilAsync("reconcile"),
            ["status"] = await SigilAsync("status"),
        };
        if (inCore1sArea) runs["push"] = await node.PushAsync();

        foreach (var (command, run) in runs)
        {
            run.ExitCode.ShouldBe(2, $"{command}: {run}");
            var error = run.StandardError.Split('\n').Single(l => l.Contains("error:", StringComparison.Ordinal));
            error.ShouldContain($"etcd key {spelt} is damaged: its name is not valid UTF-8", Case.Sensitive, $"{command}: {run}");
            error.ShouldContain($"etcdctl del $'{spelt}'", Case.Sensitive, $"{command}: {run}");
            (run.StandardOutput + run.StandardError).ShouldNotContain("   at ");
        }

        (await EtcdKeysAsync()).ShouldBe(keysBefore, "nothing was written");
        (await Bare.TipAsync()).ShouldBe(tipBefore);

        await EtcdRawPut.DeleteAsync(Etcd.Endpoint, key);
        var repaired = await SigilAsync("drift");
        repaired.ExitCode.ShouldBe(0, repaired.ToString());
    }
}
