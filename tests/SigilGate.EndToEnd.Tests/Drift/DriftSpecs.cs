using System.Text.Json;

namespace SigilGate.EndToEnd.Tests.Drift;

public class DriftSpecs : HookedRepository
{
    private const string HandEdit = "{\"address\":\"10.0.0.1:8443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-1\"}";
    private const string NodeWrite = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T10:05:00Z\",\"status\":\"down\"}";

    private Task<ProcessResult> DriftAsync(params string[] options) => Bare.SigilAsync(["drift", "--repo", Bare.Path, .. options]);

    private static string[] Lines(ProcessResult result) => result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Test]
    public async Task Etcd_is_in_sync_right_after_a_push()
    {
        var tip = await PushBaseNetworkAsync();

        var drift = await DriftAsync();

        drift.ExitCode.ShouldBe(0, drift.ToString());
        Lines(drift).ShouldBe([$"sigil: in sync: etcd /sigil holds main at {tip[..7]} (7 records)"]);
        drift.StandardError.ShouldBeEmpty();
    }

    [Test]
    public async Task A_git_owned_key_edited_in_etcd_is_changed_in_etcd()
    {
        var tip = await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-1", HandEdit);

        var drift = await DriftAsync();

        drift.ExitCode.ShouldBe(1, drift.ToString());
        Lines(drift).ShouldBe(
        [
            "nodes/entry/e-1.yaml: changed-in-etcd (for 0s)",
            $"sigil: drift: 1 difference between etcd /sigil and main at {tip[..7]} (1 changed-in-etcd); the oldest for 0s",
        ]);
    }

    [Test]
    public async Task A_key_only_in_etcd_and_a_key_missing_from_etcd_are_both_reported()
    {
        await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-99", "{\"id\":\"e-99\"}");
        await Etcd.EtcdctlAsync("del", "/sigil/nodes/entry/e-10");

        var drift = await DriftAsync();

        drift.ExitCode.ShouldBe(1, drift.ToString());
        Lines(drift)[..2].ShouldBe(["nodes/entry/e-10.yaml: missing-in-etcd (for 0s)", "nodes/entry/e-99.yaml: only-in-etcd (for 0s)"]);
    }

    [Test]
    public async Task A_node_write_not_yet_mirrored_to_git_is_a_pending_node_write()
    {
        await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", NodeWrite);

        var drift = await DriftAsync();

        drift.ExitCode.ShouldBe(1, drift.ToString());
        Lines(drift)[0].ShouldBe("state/core-1/entries/e-1.yaml: pending-node-write (for 0s), waiting for core-1's sigil push");
    }

    [Test]
    public async Task Work_left_pending_by_an_outage_is_apply_pending_and_covers_the_keys_it_changes()
    {
        await PushBaseNetworkAsync();
        await Etcd.StopAsync();
        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        var pending = await Clone.CommitAllAsync("add e-3 during an outage");
        (await Clone.PushAsync("alice")).ExitCode.ShouldBe(0);
        await Etcd.StartAsync();

        var drift = await DriftAsync();

        drift.ExitCode.ShouldBe(1, drift.ToString());
        Lines(drift)[..2].ShouldBe(
        [
            $"main: apply-pending (for 0s), since commit {pending[..7]}, 1 commit behind",
            "nodes/entry/e-3.yaml: missing-in-etcd (for 0s), covered by the pending apply",
        ]);
    }

    [Test]
    public async Task Etcd_unreachable_is_an_error_never_in_sync_and_the_metrics_say_so()
    {
        await PushBaseNetworkAsync();
        await Etcd.StopAsync();
        var metrics = Path.Combine(Bare.Path, "sigil.prom");

        var drift = await DriftAsync("--metrics-file", metrics);

        drift.ExitCode.ShouldBe(2, drift.ToString());
        drift.StandardOutput.ShouldBeEmpty();
        drift.StandardError.ShouldStartWith("sigil: error: etcd un");
        drift.StandardError.ShouldContain("drift unknown (etcd could not be read, which is not 'in sync')");
        var samples = PrometheusText.Parse(await File.ReadAllTextAsync(metrics));
        samples["sigil_up"].ShouldBe(0);
        Directory.GetFiles(Bare.Path, "*.tmp").ShouldBeEmpty();
    }

    [Test]
    public async Task The_json_document_lists_every_difference_with_its_first_seen_time()
    {
        var tip = await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-1", HandEdit);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", NodeWrite);
        var nodeWrite = await Etcd.ModRevisionAsync("/sigil/state/core-1/entries/e-1");

        var drift = await DriftAsync("--json");

        drift.ExitCode.ShouldBe(1, drift.ToString());
        using var document = JsonDocument.Parse(drift.StandardOutput);
        var root = document.RootElement;
        root.GetProperty("in_sync").GetBoolean().ShouldBeFalse();
        root.GetProperty("branch").GetString().ShouldBe("main");
        root.GetProperty("tip").GetString().ShouldBe(tip);
        root.GetProperty("applied").GetString().ShouldBe(tip);
        root.GetProperty("apply_lag_commits").GetInt32().ShouldBe(0);
        DateTimeOffset.Parse(root.GetProperty("checked_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        root.GetProperty("counts").GetProperty("changed-in-etcd").GetInt32().ShouldBe(1);
        root.GetProperty("counts").GetProperty("pending-node-write").GetInt32().ShouldBe(1);
        root.GetProperty("counts").GetProperty("only-in-etcd").GetInt32().ShouldBe(0);

        var differences = root.GetProperty("differences").EnumerateArray().ToList();
        differences.Select(d => $"{d.GetProperty("path").GetString()} {d.GetProperty("key").GetString()} {d.GetProperty("kind").GetString()}").ShouldBe(
        [
            "nodes/entry/e-1.yaml /sigil/nodes/entry/e-1 changed-in-etcd",
            "state/core-1/entries/e-1.yaml /sigil/state/core-1/entries/e-1 pending-node-write",
        ]);
        differences[0].GetProperty("age_seconds").GetInt64().ShouldBe(0);
        differences[0].GetProperty("etcd_version").GetProperty("writer").GetString().ShouldBe("etcd");
        differences[1].GetProperty("core").GetString().ShouldBe("core-1");
        differences[1].GetProperty("etcd_version").GetProperty("vector").GetProperty("core-1").GetInt64().ShouldBe(nodeWrite);
        (await EtcdKeysAsync()).Keys.ShouldContain("/sigil/.sigil/drift/changed-in-etcd/nodes/entry/e-1");
    }

    [Test]
    public async Task A_second_run_reports_the_same_first_seen_time_and_an_older_age()
    {
        await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-1", HandEdit);
        var first = JsonDocument.Parse((await DriftAsync("--json")).StandardOutput).RootElement.GetProperty("differences")[0];

        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var second = JsonDocument.Parse((await DriftAsync("--json")).StandardOutput).RootElement.GetProperty("differences")[0];

        second.GetProperty("first_seen").GetString().ShouldBe(first.GetProperty("first_seen").GetString());
        second.GetProperty("age_seconds").GetInt64().ShouldBeGreaterThanOrEqualTo(2);
    }

    [Test]
    public async Task A_difference_that_is_gone_leaves_no_first_seen_time_behind()
    {
        await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-99", "{}");
        (await DriftAsync()).ExitCode.ShouldBe(1);
        await Etcd.EtcdctlAsync("del", "/sigil/nodes/entry/e-99");

        var drift = await DriftAsync();

        drift.ExitCode.ShouldBe(0, drift.ToString());
        (await EtcdKeysAsync()).Keys.Where(k => k.StartsWith("/sigil/.sigil/drift/", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Test]
    public async Task The_metrics_file_is_prometheus_text_with_every_kind_and_the_apply_state()
    {
        await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-99", "{}");
        var metrics = Path.Combine(Bare.Path, "metrics", "sigil.prom");
        Directory.CreateDirectory(Path.GetDirectoryName(metrics)!);
        await File.WriteAllTextAsync(metrics, "stale\n");

        var drift = await DriftAsync("--metrics-file", metrics);

        drift.ExitCode.ShouldBe(1, drift.ToString());
        var text = await File.ReadAllTextAsync(metrics);
        var samples = PrometheusText.Parse(text);
        samples["sigil_up"].ShouldBe(1);
        foreach (var kind in new[] { "apply-pending", "changed-in-etcd", "conflict-loser", "missing-in-etcd", "only-in-etcd", "pending-node-write" })
        {
            samples[$"sigil_drift_keys{{kind=\"{kind}\"}}"].ShouldBe(kind == "only-in-etcd" ? 1 : 0);
        }

        samples["sigil_drift_oldest_age_seconds"].ShouldBe(0);
        samples["sigil_apply_lag_commits"].ShouldBe(0);
        samples["sigil_conflicts_pending"].ShouldBe(0);
        samples["sigil_conflicts_kept"].ShouldBe(0);
        samples["sigil_conflicts_oldest_age_seconds"].ShouldBe(0);
        samples["sigil_last_applied_commit_timestamp_seconds"].ShouldBe(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 600);
        text.Split('\n').Count(l => l.StartsWith("# HELP ", StringComparison.Ordinal)).ShouldBe(10);
        text.Split('\n').Count(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).ShouldBe(10);
        Directory.GetFiles(Path.GetDirectoryName(metrics)!).ShouldBe([metrics]);
    }
}
