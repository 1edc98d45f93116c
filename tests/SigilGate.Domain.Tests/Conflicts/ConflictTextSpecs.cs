using SigilGate.Domain.Apply;
using SigilGate.Domain.Conflicts;
using SigilGate.Domain.Store;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Tests.Conflicts;

/// <summary>How sigil conflicts words the kept losers: by area with age, and one record's versions with a diff.</summary>
public class ConflictTextSpecs
{
    private static readonly KeyLayout Keys = new("/sigil");
    private static readonly DateTimeOffset Detected = new(2026, 12, 6, 1, 12, 17, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Detected.AddSeconds(125);

    private static KeptConflict Kept(string suffix, string loserWriter, string winnerWriter, string? value, string source = "git commit 2520785be181f7b4bae37d5e263be4e224d174d4")
    {
        var loser = new RecordVersion(VersionVector.From([new(loserWriter, 7)]), loserWriter, Detected.AddSeconds(-1), new string('a', 64));
        var winner = new RecordVersion(VersionVector.From([new(loserWriter, 7), new(winnerWriter, 5)]), winnerWriter, Detected, new string('b', 64));
        var record = new ConflictRecord(Keys.Data(suffix), value, loser, winner, source, Detected);
        return KeptConflict.From(Keys, new StoredValue(Keys.Conflict(suffix, new string('a', 64)), record.ToJson(), 5, 5));
    }

    [Test]
    public void A_kept_loser_belongs_to_its_core_node_s_area_or_to_git()
    {
        Kept("state/core-1/entries/e-2", "git", "core-1", "{}").Area.ShouldBe("state/core-1/");
        Kept("nodes/entry/e-7", "etcd", "git", "{}").Area.ShouldBe("git");
        Kept("state/core-1/entries/e-2", "git", "core-1", "{}").RecordPath.ShouldBe("state/core-1/entries/e-2.yaml");
    }

    [Test]
    public void The_list_is_by_area_with_age_and_both_writers()
    {
        var kept = new[] { Kept("state/core-1/entries/e-2", "git", "core-1", "{}"), Kept("nodes/entry/e-7", "etcd", "git", "{}", "etcd") };

        ConflictText.List(kept, Now).ShouldBe(
        [
            "git: 1 kept conflict",
            "  nodes/entry/e-7.yaml: 2m5s old, loser etcd (etcd), winner git; kept at /sigil/.sigil/conflicts/nodes/entry/e-7/aaaaaaaaaaaaaaaa",
            "state/core-1/: 1 kept conflict",
            "  state/core-1/entries/e-2.yaml: 2m5s old, loser git (git commit 2520785be181f7b4bae37d5e263be4e224d174d4), winner core-1; kept at /sigil/.sigil/conflicts/state/core-1/entries/e-2/aaaaaaaaaaaaaaaa",
            "2 kept conflicts in 2 areas ('sigil conflicts show --repo BARE PATH' shows one)",
        ]);
    }

    [Test]
    public void No_kept_loser_says_so() => ConflictText.List([], Now).ShouldBe(["no kept conflicts"]);

    [Test]
    public void The_json_list_starts_with_its_schema()
    {
        var json = ConflictJson.List([Kept("state/core-1/entries/e-2", "git", "core-1", "{}")], Now);

        json.ShouldStartWith("""{"schema":1,"checked_at":"2026-12-06T01:14:22Z","count":1,"areas":[{"area":"state/core-1/","conflicts":[{"path":"state/core-1/entries/e-2.yaml",""");
        json.ShouldContain("\"age_seconds\":125,\"loser_writer\":\"git\",\"winner_writer\":\"core-1\"");
    }

    [Test]
    public void Show_gives_both_versions_where_the_loser_came_from_and_a_diff_against_etcd_now()
    {
        var kept = Kept("state/core-1/entries/e-2", "git", "core-1", """{"status":"unknown"}""");
        var detail = new ConflictDetail("state/core-1/entries/e-2.yaml", "/sigil/state/core-1/entries/e-2", """{"status":"down"}""", [kept]);

        ConflictText.Show(detail, Now).ShouldBe(
        [
            "state/core-1/entries/e-2.yaml: 1 kept conflict",
            "",
            "kept at /sigil/.sigil/conflicts/state/core-1/entries/e-2/aaaaaaaaaaaaaaaa",
            "  detected 2026-12-06T01:12:17Z (2m5s ago)",
            "  winner: core-1 at 2026-12-06T01:12:17Z, vector {core-1:5, git:7}, sha256 bbbbbbbbbbbbbbbb",
            "  loser:  git at 2026-12-06T01:12:16Z, vector {git:7}, sha256 aaaaaaaaaaaaaaaa, from git commit 2520785be181f7b4bae37d5e263be4e224d174d4",
            "--- loser (kept)",
            "+++ winner (etcd now at /sigil/state/core-1/entries/e-2)",
            " {",
            "-  \"status\": \"unknown\"",
            "+  \"status\": \"down\"",
            " }",
        ]);
    }
}
