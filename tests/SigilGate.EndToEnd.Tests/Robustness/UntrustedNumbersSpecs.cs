using SigilGate.EndToEnd.Tests.Pusher;

namespace SigilGate.EndToEnd.Tests.Robustness;

/// <summary>
/// Numbers and dates anyone may put in Git or etcd (a version counter near 2^63, a duration in
/// another script's digits, a commit dated after 9999) are bounded where they are read, and
/// rejected with a line that names where they are; an invalid node value is reported every run.
/// </summary>
public class UntrustedNumbersSpecs : HookedRepository
{
    private const string Sidecar = ".sigil/versions/nodes/entry/e-1.yaml";

    private async Task<string> E1Sha256Async()
    {
        var version = await Etcd.EtcdctlAsync("get", "--print-value-only", "/sigil/.sigil/versions/nodes/entry/e-1");
        using var document = System.Text.Json.JsonDocument.Parse(version);
        return document.RootElement.GetProperty("sha256").GetString()!;
    }

    [Test]
    public async Task A_version_counter_near_2_63_in_a_pushed_sidecar_is_rejected_with_its_line()
    {
        await PushBaseNetworkAsync();
        var sha = await E1Sha256Async();
        Clone.Write(Sidecar, $"vector:\n  git: 9223372036854775806\nwriter: git\ntime: 2026-11-23T10:00:00Z\nsha256: {sha}\n");
        await Clone.CommitAllAsync("a sidecar whose hash matches, with a counter that would overflow");

        var push = await Clone.PushAsync("root");
        var validate = await Bare.SigilAsync(["validate", Clone.Path]);

        push.ExitCode.ShouldNotBe(0, push.ToString());
        ErrorLines(push).ShouldBe([$"remote: sigil: error: {Sidecar}:2:8: counter for writer git is 9223372036854775806, above the largest allowed 9007199254740991"]);
        validate.ExitCode.ShouldBe(1, validate.ToString());
        validate.StandardError.ShouldContain($"{Sidecar}:2:8: counter for writer git is 9223372036854775806, above the largest allowed 9007199254740991");
    }

    [Test]
    public async Task A_sidecar_counter_at_the_limit_is_accepted_and_a_later_hand_edit_still_reaches_etcd()
    {
        await PushBaseNetworkAsync();
        var sha = await E1Sha256Async();
        Clone.Write(Sidecar, $"vector:\n  core-1: 9007199254740000\nwriter: core-1\ntime: 2026-11-23T10:00:00Z\nsha256: {sha}\n");
        await Clone.CommitAllAsync("a large but allowed counter");
        (await Clone.PushAsync("root")).ExitCode.ShouldBe(0);

        Clone.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.101:443"));
        await Clone.CommitAllAsync("hand edit on top");
        var push = await Clone.PushAsync("alice");

        push.ExitCode.ShouldBe(0, push.ToString());
        push.StandardError.ShouldContain("1 put");
        (await Etcd.EtcdctlAsync("get", "--print-value-only", "/sigil/nodes/entry/e-1")).ShouldContain("10.0.0.101:443");
    }

    [TestCase("30s", 0)]
    [TestCase("1m30s", 0)]
    [TestCase("1.5h", 0)]
    [TestCase("300ms", 0)]
    [TestCase("2h45m", 0)]
    [TestCase("10\u00b5s", 0)]
    [TestCase("1.s", 0)]
    [TestCase("\u0663\u0660s", 1)]
    [TestCase("30", 1)]
    [TestCase("1S", 1)]
    [TestCase("1d", 1)]
    [TestCase("'1h 30m'", 1)]
    [TestCase("0", 1)]
    [TestCase("-5s", 1)]
    [TestCase("9999999999999999999h", 1)]
    public async Task Sync_interval_takes_exactly_what_go_parses_and_only_positive(string duration, int exitCode)
    {
        Network.WriteBase(Clone);
        Clone.Write("network.yaml", $"name: test-net\nsync_interval: {duration}\n");

        var validate = await Bare.SigilAsync(["validate", Clone.Path]);

        validate.ExitCode.ShouldBe(exitCode, validate.ToString());
        validate.StandardError.ShouldNotContain("internal error");
        if (exitCode == 1) validate.StandardError.ShouldContain("network.yaml:2:16: 'sync_interval' must be ");
    }

    [TestCase("253402300800 +0000", "year 10000")]
    [TestCase("-86400 +0000", "1969")]
    [TestCase("abc +0000", "no date")]
    [TestCase("99999999999999999999999 +0000", "a date past 2^64 seconds")]
    public async Task A_commit_with_a_date_out_of_range_is_rejected_naming_the_commit(string date, string what)
    {
        await PushBaseNetworkAsync();
        Clone.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.102:443"));
        (await Clone.GitAsync("add", "-A")).ExitCode.ShouldBe(0);
        var tree = (await Clone.GitAsync("write-tree")).StandardOutput.Trim();
        var parent = (await Clone.GitAsync("rev-parse", "HEAD")).StandardOutput.Trim();
        var commit = await ForgeCommitAsync(tree, parent, date);
        var push = await Clone.PushAsync("alice", $"{commit}:refs/heads/main");

        push.ExitCode.ShouldNotBe(0, $"{what}: {push}");
        ErrorLines(push).Single().ShouldStartWith($"remote: sigil: error: refs/heads/main: commit {commit[..7]} cannot be read: ", Case.Sensitive, push.ToString());
        push.StandardError.ShouldNotContain("internal error");
        (await Etcd.EtcdctlAsync("get", "--print-value-only", "/sigil/nodes/entry/e-1")).ShouldContain("10.0.0.1:443");
    }

    [Test]
    public async Task An_invalid_value_in_a_nodes_area_is_reported_by_every_run_until_it_is_fixed()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        (await node.PushAsync()).ExitCode.ShouldBe(0);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", "{\"grpc_path\":\"/g\",\"last_seen\":\"2026-11-23T10:00:00Z\",\"status\":\"sideways\"}");

        var first = await node.PushAsync();
        var second = await node.PushAsync();
        var third = await node.PushAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", "{\"grpc_path\":\"/g\",\"last_seen\":\"2026-11-23T10:00:00Z\",\"status\":\"down\"}");
        var fixedRun = await node.PushAsync();
        var idle = await node.PushAsync();

        foreach (var run in new[] { first, second, third })
        {
            run.ExitCode.ShouldBe(1, run.ToString());
            run.StandardError.ShouldContain("state/core-1/entries/e-1", Case.Sensitive, run.ToString());
            run.StandardError.ShouldContain("sideways", Case.Sensitive, run.ToString());
            run.StandardError.ShouldNotContain("nothing changed");
        }

        fixedRun.ExitCode.ShouldBe(0, fixedRun.ToString());
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
        idle.ExitCode.ShouldBe(0, idle.ToString());
        idle.StandardError.ShouldContain("nothing changed");
    }

    [TestCase("[]")]
    [TestCase("{\"format\":3,\"revision\":\"x\",\"count\":1,\"settled\":{}}")]
    [TestCase("{\"format\":3,\"revision\":-5,\"count\":1,\"settled\":{}}")]
    [TestCase("{\"format\":3,\"revision\":1e300,\"count\":1,\"settled\":{}}")]
    [TestCase("{\"format\":3,\"revision\":1,\"count\":1,\"settled\":[]}")]
    [TestCase("{\"format\":3,\"revision\":1,\"count\":1,\"settled\":{},\"unsettled\":{}}")]
    public async Task A_damaged_push_journal_is_said_and_the_run_reads_the_whole_area(string journal)
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        (await node.PushAsync()).ExitCode.ShouldBe(0);
        await File.WriteAllTextAsync(System.IO.Path.Combine(node.Clone.Path, ".git", "sigil-push.json"), journal);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", "{\"grpc_path\":\"/g\",\"last_seen\":\"2026-11-23T10:00:00Z\",\"status\":\"down\"}");

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.StandardError.ShouldContain("sigil-push.json is damaged");
        run.StandardError.ShouldNotContain("   at ");
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
    }

    // 'git commit' refuses such dates; 'git hash-object --literally' writes whatever it is given.
    private async Task<string> ForgeCommitAsync(string tree, string parent, string date)
    {
        var text = $"tree {tree}\nparent {parent}\nauthor Alice <alice@example.net> {date}\ncommitter Alice <alice@example.net> {date}\n\nforged date\n";
        var file = System.IO.Path.Combine(Clone.Path, ".git", "forged-commit");
        await File.WriteAllTextAsync(file, text);
        var written = await Clone.GitAsync("hash-object", "-t", "commit", "--literally", "-w", file);
        written.ExitCode.ShouldBe(0, written.ToString());
        return written.StandardOutput.Trim();
    }
}
