using System.Text.Json;
using SigilGate.Domain.Apply;
using SigilGate.Domain.Git;
using SigilGate.Domain.Records;
using SigilGate.Domain.Store;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Tests.Apply;

public class ApplyJsonSpecs
{
    private static readonly KeyLayout Keys = new("/sigil");
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly RecordVersion Git = new(VersionVector.From([new("git", 1_800_000_000)]), "git", Time, new string('b', 64));
    private static readonly RecordVersion Etcd = new(VersionVector.From([new("core-1", 4)]), "core-1", Time, new string('c', 64));

    private static RecordOutcome Outcome(string path, OutcomeKind kind, string? json = "{}", string? keptAt = null) =>
        new(new RecordTarget(RecordPath.Parse(path), json, Git), kind, [], [], kind is OutcomeKind.ConflictGitWon or OutcomeKind.ConflictEtcdWon ? Etcd : null, keptAt);

    private static readonly StepReport First = new(
        new CommitInfo(new string('1', 40), [], Time, "add e-7 and e-8"),
        41,
        AppliedRecords.Of(Keys, [Outcome("nodes/entry/e-7.yaml", OutcomeKind.Put), Outcome("nodes/entry/e-8.yaml", OutcomeKind.Put), Outcome("network.yaml", OutcomeKind.Unchanged)]));

    private static readonly StepReport Second = new(
        new CommitInfo(new string('2', 40), [new string('1', 40)], Time, "retire e-8"),
        42,
        AppliedRecords.Of(Keys, [
            Outcome("nodes/entry/e-8.yaml", OutcomeKind.Deleted, json: null),
            Outcome("state/core-1/entries/e-7.yaml", OutcomeKind.ConflictEtcdWon, keptAt: "/sigil/.sigil/conflicts/state/core-1/entries/e-7/bbbbbbbbbbbbbbbb"),
        ],
            ["nodes/entry/bad.yaml"]));

    private static JsonElement Parse(string text) => JsonDocument.Parse(text).RootElement;

    [Test]
    public void The_document_starts_with_its_schema_number_and_is_one_line()
    {
        var text = ApplyJson.Write(Keys, "main", new string('2', 40), [First, Second]);

        text.ShouldNotContain('\n');
        var first = Parse(text).EnumerateObject().First();
        (first.Name, first.Value.GetInt32()).ShouldBe(("schema", 1));
    }

    [Test]
    public void Each_commit_applied_has_its_revision_and_counts_of_keys_put_deleted_and_conflicts()
    {
        var root = Parse(ApplyJson.Write(Keys, "main", new string('2', 40), [First, Second]));

        root.GetProperty("prefix").GetString().ShouldBe("/sigil");
        root.GetProperty("branch").GetString().ShouldBe("main");
        root.GetProperty("tip").GetString().ShouldBe(new string('2', 40));
        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => $"{s.GetProperty("commit").GetString()![..1]} {s.GetProperty("subject").GetString()} @{s.GetProperty("etcd_revision").GetInt64()}")
            .ShouldBe(["1 add e-7 and e-8 @41", "2 retire e-8 @42"]);
        steps.Select(s => string.Join(',', s.GetProperty("counts").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetInt32()}")))
            .ShouldBe(["put=2,deleted=0,conflicts=0", "put=0,deleted=1,conflicts=1"]);
        steps[1].GetProperty("skipped").EnumerateArray().Select(p => p.GetString()).ShouldBe(["nodes/entry/bad.yaml"]);
    }

    [Test]
    public void A_kept_conflict_names_the_winner_both_versions_and_where_the_loser_is_kept()
    {
        var root = Parse(ApplyJson.Write(Keys, "main", new string('2', 40), [Second]));

        var conflict = root.GetProperty("steps")[0].GetProperty("conflicts").EnumerateArray().ShouldHaveSingleItem();
        conflict.GetProperty("path").GetString().ShouldBe("state/core-1/entries/e-7.yaml");
        conflict.GetProperty("key").GetString().ShouldBe("/sigil/state/core-1/entries/e-7");
        conflict.GetProperty("winner").GetString().ShouldBe("etcd");
        conflict.GetProperty("git_version").GetProperty("vector").GetProperty("git").GetInt64().ShouldBe(1_800_000_000);
        conflict.GetProperty("etcd_version").GetProperty("writer").GetString().ShouldBe("core-1");
        conflict.GetProperty("kept_at").GetString().ShouldBe("/sigil/.sigil/conflicts/state/core-1/entries/e-7/bbbbbbbbbbbbbbbb");
    }

    [Test]
    public void Nothing_pending_is_a_document_with_no_steps_and_a_branch_without_commits_has_no_tip()
    {
        var root = Parse(ApplyJson.Write(Keys, "main", null, []));

        root.GetProperty("tip").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("steps").GetArrayLength().ShouldBe(0);
    }
}
