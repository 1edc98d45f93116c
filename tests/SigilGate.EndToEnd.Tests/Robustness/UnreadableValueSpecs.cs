using System.Text;
using SigilGate.EndToEnd.Tests.Pusher;

namespace SigilGate.EndToEnd.Tests.Robustness;

/// <summary>
/// etcd takes any bytes as a value. A record value that is not UTF-8 (an agent's bug) is no record:
/// read loosely its bad byte became U+FFFD, a valid record nobody wrote, which the pusher mirrored
/// into Git and drift then found equal to Git. It is reported instead, and a reconcile overwrites
/// it and keeps it as any loser.
/// </summary>
public class UnreadableValueSpecs : HookedRepository
{
    private const string Key = "/sigil/state/core-1/entries/e-1";

    private static byte[] Value => [.. Encoding.UTF8.GetBytes("{\"grpc_path\":\"/g"), 0xff, .. Encoding.UTF8.GetBytes("\",\"last_seen\":\"2026-11-23T10:00:00Z\",\"status\":\"down\"}")];

    [Test]
    public async Task A_value_that_is_not_utf8_is_reported_by_the_pusher_and_drift_never_mirrored_or_taken_for_git_s()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        (await node.PushAsync()).ExitCode.ShouldBe(0);
        var tip = await Bare.TipAsync();
        await EtcdRawPut.PutAsync(Etcd.Endpoint, Key, Value);

        var push = await node.PushAsync();
        var drift = await SigilAsync("drift");

        push.ExitCode.ShouldBe(1, push.ToString());
        push.StandardError.ShouldContain("state/core-1/entries/e-1.yaml: value is not valid UTF-8 (byte 0xFF after 16 bytes)", Case.Sensitive, push.ToString());
        (await Bare.TipAsync()).ShouldBe(tip, "nothing was mirrored");
        drift.ExitCode.ShouldBe(1, drift.ToString());
        drift.StandardOutput.ShouldContain("state/core-1/entries/e-1", Case.Sensitive, drift.ToString());
        (push.StandardOutput + push.StandardError + drift.StandardOutput + drift.StandardError).ShouldNotContain("   at ");
    }

    [Test]
    public async Task A_reconcile_overwrites_it_with_git_s_record_and_keeps_it_as_a_loser()
    {
        await PushBaseNetworkAsync();
        await EtcdRawPut.PutAsync(Etcd.Endpoint, Key, Value);

        var reconcile = await SigilAsync("reconcile", "--force");
        var drift = await SigilAsync("drift");

        reconcile.ExitCode.ShouldBe(0, reconcile.ToString());
        (await EtcdRawPut.ValuesUnderAsync(Etcd.Endpoint, "/sigil/.sigil/conflicts/state/core-1/entries/e-1/")).Count.ShouldBe(1, reconcile.ToString());
        (await EtcdRawPut.ValuesUnderAsync(Etcd.Endpoint, Key)).Single().ShouldNotContain((byte)0xff);
        drift.StandardOutput.ShouldContain("1 difference between etcd /sigil and main", Case.Sensitive, drift.ToString());
        drift.StandardOutput.ShouldContain("(1 conflict-loser)", Case.Sensitive, drift.ToString());
    }
}
