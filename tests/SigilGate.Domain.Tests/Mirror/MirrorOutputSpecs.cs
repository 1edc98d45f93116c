using System.Text.Json;
using SigilGate.Domain.Build;
using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Mirror;
using SigilGate.Domain.Records;

namespace SigilGate.Domain.Tests.Mirror;

/// <summary>What sigil push says of a run: created, updated or deleted records, its log prefix, its metrics file and its JSON.</summary>
public class MirrorOutputSpecs
{
    private static readonly BuildInfo Build = new("0.1.0", "04264fd");
    private static readonly DateTimeOffset Started = DateTimeOffset.Parse("2026-12-06T05:20:01Z", System.Globalization.CultureInfo.InvariantCulture);

    private static MirrorOutcome Outcome(string path, MirrorOutcomeKind kind, string? content = "x", bool created = false) =>
        new(RecordPath.Parse(path), kind, [new FileChange(path, content)]) { Created = created };

    private static MirrorReport Pushed() => new(MirrorResult.Pushed, 41, [
        Outcome("state/core-1/entries/e-1.yaml", MirrorOutcomeKind.Mirrored, created: true),
        Outcome("state/core-1/entries/e-2.yaml", MirrorOutcomeKind.Mirrored),
        Outcome("state/core-1/entries/e-3.yaml", MirrorOutcomeKind.Deleted, content: null),
        Outcome("state/core-1/entries/e-4.yaml", MirrorOutcomeKind.ConflictEtcdWon),
        new MirrorOutcome(RecordPath.Parse("state/core-1/entries/e-5.yaml"), MirrorOutcomeKind.Unchanged, []),
    ], 2) { Commit = "0123456789abcdef0123456789abcdef01234567" };

    [TestCase(MirrorOutcomeKind.Mirrored, true, "x", MirrorChange.Created)]
    [TestCase(MirrorOutcomeKind.Mirrored, false, "x", MirrorChange.Updated)]
    [TestCase(MirrorOutcomeKind.ConflictEtcdWon, true, "x", MirrorChange.Created)]
    [TestCase(MirrorOutcomeKind.Deleted, false, null, MirrorChange.Deleted)]
    [TestCase(MirrorOutcomeKind.ConflictEtcdWon, false, null, MirrorChange.Deleted)]
    public void A_record_is_created_when_git_did_not_hold_it_and_deleted_when_its_file_goes(MirrorOutcomeKind kind, bool created, string? content, MirrorChange change) =>
        MirrorChanges.Of(Outcome("state/core-1/entries/e-1.yaml", kind, content, created)).ShouldBe(change);

    [Test]
    public void The_commit_message_says_created_for_a_new_record() =>
        MirrorCommitMessage.Build("core-1", 7, [Outcome("state/core-1/entries/e-9.yaml", MirrorOutcomeKind.Mirrored, created: true)])
            .ShouldContain("- state/core-1/entries/e-9.yaml: created\n");

    [Test]
    public void Every_line_starts_with_the_utc_time_and_the_node() =>
        (MirrorLogPrefix.Of(Started.ToOffset(TimeSpan.FromHours(2)), "core-1"), MirrorLogPrefix.Of(Started, null))
            .ShouldBe(("2026-12-06T05:20:01Z sigil push core-1: ", "2026-12-06T05:20:01Z sigil push: "));

    [Test]
    public void The_metrics_are_prometheus_text_for_the_node_with_the_build_first()
    {
        MirrorMetrics.Render(new MirrorRun("core-1", Started, TimeSpan.FromMilliseconds(1234), Pushed()), null, Build).ShouldBe("""
            # HELP sigil_build_info The version and commit of the sigil that wrote this file; always 1.
            # TYPE sigil_build_info gauge
            sigil_build_info{version="0.1.0",commit="04264fd"} 1
            # HELP sigil_push_last_run_timestamp_seconds When the node's last sigil push started, in Unix seconds.
            # TYPE sigil_push_last_run_timestamp_seconds gauge
            sigil_push_last_run_timestamp_seconds{node="core-1"} 1796534401
            # HELP sigil_push_last_success_timestamp_seconds When the node's last successful sigil push (exit 0) started, in Unix seconds (0 when none is known).
            # TYPE sigil_push_last_success_timestamp_seconds gauge
            sigil_push_last_success_timestamp_seconds{node="core-1"} 1796534401
            # HELP sigil_push_duration_seconds How long the node's last sigil push took, in seconds.
            # TYPE sigil_push_duration_seconds gauge
            sigil_push_duration_seconds{node="core-1"} 1.234
            # HELP sigil_push_records_mirrored Records the node's last sigil push committed and pushed (0 unless it pushed).
            # TYPE sigil_push_records_mirrored gauge
            sigil_push_records_mirrored{node="core-1"} 4
            # HELP sigil_push_kept_conflicts Conflicts the node's last sigil push decided, each keeping its losing version (0 unless it pushed).
            # TYPE sigil_push_kept_conflicts gauge
            sigil_push_kept_conflicts{node="core-1"} 1
            # HELP sigil_push_result The result of the node's last sigil push: 1 for the one it had, 0 for the others.
            # TYPE sigil_push_result gauge
            sigil_push_result{node="core-1",result="pushed"} 1
            sigil_push_result{node="core-1",result="idle"} 0
            sigil_push_result{node="core-1",result="nothing"} 0
            sigil_push_result{node="core-1",result="gave-up"} 0
            sigil_push_result{node="core-1",result="refused"} 0
            sigil_push_result{node="core-1",result="error"} 0

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Test]
    public void A_failed_run_keeps_the_last_success_time_of_the_previous_file()
    {
        var previous = MirrorMetrics.Render(new MirrorRun("core-1", Started, TimeSpan.FromSeconds(1), Pushed()), null, Build);

        var failed = MirrorMetrics.Render(new MirrorRun("core-1", Started.AddMinutes(5), TimeSpan.FromSeconds(2), null), previous, Build);

        failed.ShouldContain("sigil_push_last_run_timestamp_seconds{node=\"core-1\"} 1796534701\n");
        failed.ShouldContain("sigil_push_last_success_timestamp_seconds{node=\"core-1\"} 1796534401\n");
        failed.ShouldContain("sigil_push_result{node=\"core-1\",result=\"error\"} 1\n");
        failed.ShouldContain("sigil_push_records_mirrored{node=\"core-1\"} 0\n");
    }

    [Test]
    public void A_run_that_skipped_an_invalid_record_is_not_a_success()
    {
        var problem = Diagnostic.InFile("state/core-1/entries/e-7.yaml", "bad");
        var report = new MirrorReport(MirrorResult.NothingToPush, 3, [new MirrorOutcome(RecordPath.Parse("state/core-1/entries/e-7.yaml"), MirrorOutcomeKind.Invalid, [], Problems: [problem])], 1);

        MirrorMetrics.Render(new MirrorRun("core-1", Started, TimeSpan.Zero, report), null, Build)
            .ShouldContain("sigil_push_last_success_timestamp_seconds{node=\"core-1\"} 0\n");
    }

    [Test]
    public void The_json_document_starts_with_its_schema_and_lists_each_record_s_change()
    {
        using var document = JsonDocument.Parse(MirrorJson.Write(new MirrorRun("core-1", Started, TimeSpan.FromMilliseconds(1500), Pushed()), dryRun: false));
        var root = document.RootElement;

        var first = root.EnumerateObject().First();
        (first.Name, first.Value.GetInt32()).ShouldBe(("schema", 1));
        (root.GetProperty("node").GetString(), root.GetProperty("result").GetString(), root.GetProperty("etcd_revision").GetInt64()).ShouldBe(("core-1", "pushed", 41L));
        (root.GetProperty("commit").GetString(), root.GetProperty("attempts").GetInt32(), root.GetProperty("kept_conflicts").GetInt32()).ShouldBe(("0123456789abcdef0123456789abcdef01234567", 2, 1));
        root.GetProperty("duration_seconds").GetDouble().ShouldBe(1.5);
        root.GetProperty("records").EnumerateArray().Select(r => $"{r.GetProperty("path").GetString()} {r.GetProperty("change").GetString()}").ShouldBe([
            "state/core-1/entries/e-1.yaml created",
            "state/core-1/entries/e-2.yaml updated",
            "state/core-1/entries/e-3.yaml deleted",
            "state/core-1/entries/e-4.yaml updated",
        ]);
    }

    [Test]
    public void A_failed_run_s_json_says_error_with_no_revision()
    {
        using var document = JsonDocument.Parse(MirrorJson.Write(new MirrorRun("core-1", Started, TimeSpan.Zero, null), dryRun: false));

        (document.RootElement.GetProperty("result").GetString(), document.RootElement.GetProperty("etcd_revision").ValueKind).ShouldBe(("error", JsonValueKind.Null));
    }
}
