using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SigilGate.Testing.Git;

namespace SigilGate.EndToEnd.Tests.Pusher;

/// <summary>What sigil push tells an operator: timed lines naming the node, created or updated records, a metrics file, JSON, and a dry run.</summary>
public partial class ObservablePusherSpecs : HookedRepository
{
    private const string Down = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T11:00:00Z\",\"status\":\"down\"}";
    private const string StatePath = "state/core-1/entries/e-1.yaml";
    private string _scratch = null!;

    [SetUp]
    public void CreateScratch() => _scratch = TempDirectories.Create("sigil-push-metrics-");

    [TearDown]
    public void RemoveScratch() => TempDirectories.Delete(_scratch);

    private string MetricsFile => Path.Combine(_scratch, "sigil-push.prom");

    private async Task<NodeClone> NodeWithAChangeAsync()
    {
        await PushBaseNetworkAsync();
        var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);
        return node;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static long Sample(string metrics, string series) =>
        long.Parse(Lines(metrics).Single(l => l.StartsWith(series + " ", StringComparison.Ordinal))[(series.Length + 1)..], CultureInfo.InvariantCulture);

    [Test]
    public async Task Every_line_starts_with_the_utc_time_and_the_node()
    {
        using var node = await NodeWithAChangeAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        var lines = Lines(run.StandardError);
        lines.ShouldNotBeEmpty();
        foreach (var line in lines)
        {
            var match = Stamped().Match(line);
            match.Success.ShouldBeTrue(line);
            var at = DateTimeOffset.ParseExact(match.Groups["at"].Value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            at.ShouldBeInRange(before, DateTimeOffset.UtcNow.AddSeconds(1));
        }

        lines[^1].ShouldEndWith(PushLines.Of("pushed 1 record from etcd revision ") + Regex.Match(lines[^1], "[0-9]+$").Value);
    }

    [Test]
    public async Task An_error_line_carries_the_time_and_the_node_too()
    {
        using var node = await NodeWithAChangeAsync();

        var run = await node.RunSigilAsync("push", "--node", "core-1", "--workdir", _scratch);

        run.ExitCode.ShouldBe(2, run.ToString());
        var line = Lines(run.StandardError).ShouldHaveSingleItem();
        Stamped().IsMatch(line).ShouldBeTrue(line);
        line.ShouldContain(PushLines.Of($"error: --workdir {_scratch} is not a git clone"));
    }

    [Test]
    public async Task A_record_git_did_not_hold_is_reported_created_and_a_changed_one_updated()
    {
        await PushBaseNetworkAsync();
        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        await Clone.PushAcceptedAsync("an operator adds e-3");
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-3", Down);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.StandardError.ShouldContain(PushLines.Of("created state/core-1/entries/e-3.yaml"));
        run.StandardError.ShouldContain(PushLines.Of($"updated {StatePath}"));
        var message = (await Bare.GitAsync("log", "-1", "--format=%B", "main")).StandardOutput;
        message.ShouldContain("- state/core-1/entries/e-3.yaml: created");
        message.ShouldContain($"- {StatePath}: updated");
    }

    [Test]
    public async Task The_metrics_file_names_the_node_its_result_and_the_build_as_drift_writes_it()
    {
        using var node = await NodeWithAChangeAsync();

        var run = await node.PushWithAsync("--metrics-file", MetricsFile);

        run.ExitCode.ShouldBe(0, run.ToString());
        var metrics = await File.ReadAllTextAsync(MetricsFile);
        Sample(metrics, "sigil_push_result{node=\"core-1\",result=\"pushed\"}").ShouldBe(1, metrics);
        Sample(metrics, "sigil_push_result{node=\"core-1\",result=\"error\"}").ShouldBe(0, metrics);
        Sample(metrics, "sigil_push_records_mirrored{node=\"core-1\"}").ShouldBe(1, metrics);
        Sample(metrics, "sigil_push_kept_conflicts{node=\"core-1\"}").ShouldBe(0, metrics);
        var started = Sample(metrics, "sigil_push_last_run_timestamp_seconds{node=\"core-1\"}");
        started.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Sample(metrics, "sigil_push_last_success_timestamp_seconds{node=\"core-1\"}").ShouldBe(started);
        metrics.ShouldContain("# TYPE sigil_push_duration_seconds gauge\nsigil_push_duration_seconds{node=\"core-1\"} ");
        Directory.GetFiles(_scratch).ShouldBe([MetricsFile]);

        var driftMetrics = Path.Combine(_scratch, "drift.prom");
        await SigilAsync("drift", "--metrics-file", driftMetrics);
        var buildInfo = string.Join('\n', Lines(await File.ReadAllTextAsync(driftMetrics)).Take(3));
        string.Join('\n', Lines(metrics).Take(3)).ShouldBe(buildInfo);
    }

    [Test]
    public async Task A_failed_run_writes_its_metrics_with_result_error_and_keeps_the_last_success()
    {
        using var node = await NodeWithAChangeAsync();
        (await node.PushWithAsync("--metrics-file", MetricsFile)).ExitCode.ShouldBe(0);
        var succeeded = Sample(await File.ReadAllTextAsync(MetricsFile), "sigil_push_last_success_timestamp_seconds{node=\"core-1\"}");
        var empty = Directory.CreateDirectory(Path.Combine(_scratch, "not-a-clone")).FullName;

        var failed = await node.RunSigilAsync("push", "--node", "core-1", "--workdir", empty, "--metrics-file", MetricsFile);

        failed.ExitCode.ShouldBe(2, failed.ToString());
        var metrics = await File.ReadAllTextAsync(MetricsFile);
        Sample(metrics, "sigil_push_result{node=\"core-1\",result=\"error\"}").ShouldBe(1, metrics);
        Sample(metrics, "sigil_push_result{node=\"core-1\",result=\"pushed\"}").ShouldBe(0, metrics);
        Sample(metrics, "sigil_push_last_success_timestamp_seconds{node=\"core-1\"}").ShouldBe(succeeded, metrics);
        metrics.ShouldStartWith("# HELP sigil_build_info ");
    }

    [Test]
    public async Task The_json_report_is_one_object_with_the_schema_first()
    {
        using var node = await NodeWithAChangeAsync();

        var run = await node.PushWithAsync("--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var document = JsonDocument.Parse(Lines(run.StandardOutput).ShouldHaveSingleItem());
        var root = document.RootElement;
        root.EnumerateObject().First().Name.ShouldBe("schema");
        root.GetProperty("schema").GetInt32().ShouldBe(1);
        (root.GetProperty("node").GetString(), root.GetProperty("result").GetString(), root.GetProperty("attempts").GetInt32()).ShouldBe(("core-1", "pushed", 1));
        root.GetProperty("commit").GetString().ShouldBe((await Bare.GitAsync("rev-parse", "main")).StandardOutput.Trim());
        root.GetProperty("etcd_revision").GetInt64().ShouldBeGreaterThan(0);
        root.GetProperty("kept_conflicts").GetInt32().ShouldBe(0);
        root.GetProperty("duration_seconds").GetDouble().ShouldBeGreaterThan(0);
        root.GetProperty("records").EnumerateArray().Select(r => $"{r.GetProperty("path").GetString()} {r.GetProperty("change").GetString()}").ShouldBe([$"{StatePath} updated"]);
    }

    [Test]
    public async Task A_dry_run_prints_the_records_and_the_commit_message_and_changes_nothing()
    {
        using var node = await NodeWithAChangeAsync();
        var (tip, head, keys) = ((await Bare.GitAsync("rev-parse", "main")).StandardOutput, (await node.Clone.GitAsync("rev-parse", "HEAD")).StandardOutput, await EtcdKeysAsync());
        var journal = Path.Combine(node.Clone.Path, ".git", "sigil-push.json");
        var journalBefore = File.Exists(journal) ? await File.ReadAllTextAsync(journal) : null;

        var run = await node.PushWithAsync("--dry-run", "--metrics-file", MetricsFile);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.StandardError.ShouldContain(PushLines.Of($"dry run: updated {StatePath}"));
        run.StandardError.ShouldContain(PushLines.Of("dry run: the commit message would be:"));
        run.StandardError.ShouldContain(PushLines.Of($"  - {StatePath}: updated"));
        run.StandardError.ShouldContain(PushLines.Of("  Sigil-Node: core-1"));
        run.StandardError.ShouldContain(PushLines.Of("dry run: would push 1 record from etcd revision "));
        (await Bare.GitAsync("rev-parse", "main")).StandardOutput.ShouldBe(tip);
        (await node.Clone.GitAsync("rev-parse", "HEAD")).StandardOutput.ShouldBe(head);
        (await EtcdKeysAsync()).ShouldBe(keys);
        (File.Exists(journal) ? await File.ReadAllTextAsync(journal) : null).ShouldBe(journalBefore);
        File.Exists(MetricsFile).ShouldBeFalse();
        (await node.PushAsync()).StandardError.ShouldContain(PushLines.Of("pushed 1 record"));
    }

    [GeneratedRegex("^(?<at>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z) sigil push core-1: ")]
    private static partial Regex Stamped();
}
