using System.Text;

namespace SigilGate.EndToEnd.Tests.Robustness;

/// <summary>
/// Every kind of key the suite keeps under <c>/sigil/.sigil/</c>, damaged in every way etcdctl
/// allows: the commands that read it stop with exit 2 and one line naming the key and its repair,
/// never a stack trace; post-receive keeps the work pending and says which key is broken.
/// </summary>
public class DamagedBookkeepingSpecs : HookedRepository
{
    private const string Applied = "/sigil/.sigil/applied";
    private const string Version = "/sigil/.sigil/versions/nodes/entry/e-1";
    private const string Conflict = "/sigil/.sigil/conflicts/nodes/entry/e-1/0123456789abcdef";
    private const string FirstSeen = "/sigil/.sigil/drift/changed-in-etcd/nodes/entry/e-1";
    private const string InvalidUtf8 = "<invalid UTF-8>";

    private static readonly string Sha = new('a', 64);

    private static readonly string[] EveryKind = [Applied, Version, Conflict, FirstSeen];

    private static readonly string[] CommonShapes =
        ["[]", "\"x\"", "1", "{}", "{\"unexpected\":true}", "{\"a\":", "not json", InvalidUtf8];

    /// <summary>Fields of the right names and the wrong types or ranges, per kind.</summary>
    private static string[] WrongFields(string key) => key switch
    {
        Applied => ["{\"commit\":1,\"time\":\"2026-11-23T10:00:00Z\"}", "{\"commit\":\"" + new string('9', 40) + "\",\"time\":1e400}"],
        Version => ["{\"vector\":\"x\"}", Versions("{\"git\":9223372036854775807}"), Versions("{\"git\":-3}"), Versions("{\"git\":\"5\"}")],
        Conflict => ["{\"detected\":\"2026-11-23T10:00:00Z\",\"key\":\"/sigil/nodes/entry/e-1\",\"loser\":[],\"source\":\"etcd\",\"value\":null,\"winner\":{}}",
            "{\"detected\":17,\"key\":\"/sigil/nodes/entry/e-1\",\"source\":\"etcd\"}"],
        _ => ["{\"first_seen\":17,\"key\":\"/sigil/nodes/entry/e-1\"}", "{\"first_seen\":\"soon\"}"],
    };

    private static string Versions(string vector) =>
        $"{{\"sha256\":\"{Sha}\",\"time\":\"2026-11-23T10:00:00Z\",\"vector\":{vector},\"writer\":\"git\"}}";

    private static IEnumerable<TestCaseData> EveryKindAndShape() =>
        from key in EveryKind
        from shape in CommonShapes.Concat(WrongFields(key))
        select new TestCaseData(key, shape).SetArgDisplayNames(key["/sigil/.sigil/".Length..], shape.Length > 24 ? shape[..24] + "..." : shape);

    private async Task PutAsync(string key, string value)
    {
        if (value == InvalidUtf8) await EtcdRawPut.PutAsync(Etcd.Endpoint, key, [0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0xc3, 0x28, 0x7d]);
        else await EtcdRawPut.PutAsync(Etcd.Endpoint, key, Encoding.UTF8.GetBytes(value));
    }


    private static void ShouldStopNamingTheKey(ProcessResult run, string key)
    {
        run.ExitCode.ShouldBe(2, run.ToString());
        var lines = run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, run.ToString());
        lines[0].ShouldStartWith($"sigil: error: etcd key {key} is damaged: ", Case.Sensitive, run.ToString());
        lines[0].ShouldContain($"; repair: ", Case.Sensitive);
        lines[0].ShouldContain($"'etcdctl del {key}'", Case.Sensitive);
        run.StandardError.ShouldNotContain("   at ");
        run.StandardError.ShouldNotContain("internal error");
    }

    [TestCaseSource(nameof(EveryKindAndShape))]
    public async Task Drift_and_reconcile_stop_with_one_line_naming_a_damaged_key(string key, string value)
    {
        await PushBaseNetworkAsync();
        await PutAsync(key, value);

        ShouldStopNamingTheKey(await SigilAsync("drift"), key);
        ShouldStopNamingTheKey(await SigilAsync("reconcile"), key);
        (await Etcd.EtcdctlAsync("get", "--print-value-only", "/sigil/nodes/entry/e-1")).ShouldContain("\"id\":\"e-1\"", Case.Sensitive, "nothing was changed");
    }

    [TestCase("[]")]
    [TestCase("{\"commit\":1,\"time\":\"2026-11-23T10:00:00Z\"}")]
    [TestCase(InvalidUtf8)]
    public async Task A_damaged_applied_pointer_keeps_a_push_pending_and_apply_stops_naming_it(string value)
    {
        await PushBaseNetworkAsync();
        await PutAsync(Applied, value);

        var push = await EditE1AndPushAsync();
        var apply = await SigilAsync("apply");

        PendingLine(push).ShouldContain($"etcd key {Applied} is damaged: ");
        ShouldStopNamingTheKey(apply, Applied);
    }

    [TestCase("{\"vector\":\"x\"}")]
    [TestCase("[]")]
    [TestCase("{\"sha256\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"time\":\"2026-11-23T10:00:00Z\",\"vector\":{\"git\":9223372036854775807},\"writer\":\"git\"}")]
    public async Task A_damaged_version_key_keeps_a_push_of_its_record_pending_and_apply_stops_naming_it(string value)
    {
        await PushBaseNetworkAsync();
        await PutAsync(Version, value);

        var push = await EditE1AndPushAsync();
        var apply = await SigilAsync("apply");

        PendingLine(push).ShouldContain($"etcd key {Version} is damaged: ");
        PendingLine(push).ShouldContain($"repair: 'etcdctl del {Version}', then 'sigil reconcile --repo BARE'");
        ShouldStopNamingTheKey(apply, Version);
        (await Etcd.EtcdctlAsync("get", "--print-value-only", "/sigil/nodes/entry/e-1")).ShouldContain("10.0.0.1:443", Case.Sensitive, "the edit waits for the repair");
    }

    [Test]
    public async Task After_the_repair_the_pending_push_is_applied()
    {
        await PushBaseNetworkAsync();
        await PutAsync(Version, "{\"vector\":\"x\"}");
        await EditE1AndPushAsync();

        await Etcd.EtcdctlAsync("del", Version);
        var reconcile = await SigilAsync("reconcile");
        var drift = await SigilAsync("drift");

        // Without its version, etcd's old value is a write the suite never recorded: Git wins and it is kept.
        reconcile.ExitCode.ShouldBe(0, reconcile.ToString());
        (await Etcd.EtcdctlAsync("get", "--print-value-only", "/sigil/nodes/entry/e-1")).ShouldContain("10.0.0.111:443");
        drift.StandardOutput.ShouldNotContain("changed-in-etcd", Case.Sensitive, drift.ToString());
        drift.StandardOutput.ShouldNotContain("apply-pending", Case.Sensitive, drift.ToString());
    }

    [TestCase("[]")]
    [TestCase("{\"status\":1}")]
    [TestCase("{\"a\":")]
    [TestCase(InvalidUtf8)]
    public async Task A_data_key_of_the_wrong_shape_is_reported_by_name_never_a_crash(string value)
    {
        await PushBaseNetworkAsync();
        await PutAsync("/sigil/nodes/entry/e-1", value);

        var drift = await SigilAsync("drift");
        var reconcile = await SigilAsync("reconcile");

        drift.ExitCode.ShouldBe(1, drift.ToString());
        drift.StandardOutput.ShouldContain("nodes/entry/e-1.yaml: changed-in-etcd");
        reconcile.ExitCode.ShouldBe(0, reconcile.ToString());
        reconcile.StandardOutput.ShouldContain("/sigil/nodes/entry/e-1");
        (drift.StandardError + reconcile.StandardError).ShouldNotContain("   at ");
        var after = await SigilAsync("drift");
        after.StandardOutput.ShouldNotContain("changed-in-etcd", Case.Sensitive, "reconcile put Git's record back");
        after.StandardOutput.ShouldContain("nodes/entry/e-1.yaml: conflict-loser", Case.Sensitive, "and kept the damaged value");
    }

    private async Task<ProcessResult> EditE1AndPushAsync()
    {
        Clone.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.111:443"));
        await Clone.CommitAllAsync("move e-1");
        var push = await Clone.PushAsync("alice");
        push.ExitCode.ShouldBe(0, push.ToString());
        return push;
    }

    private static string PendingLine(ProcessResult push)
    {
        var lines = push.StandardError.Split('\n').Where(l => l.Contains("is damaged", StringComparison.Ordinal)).ToList();
        lines.Count.ShouldBe(1, push.ToString());
        lines[0].ShouldContain("is pending");
        push.StandardError.ShouldNotContain("   at ");
        return lines[0];
    }
}
