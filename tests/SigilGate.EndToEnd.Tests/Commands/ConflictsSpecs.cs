using System.Text.Json;

namespace SigilGate.EndToEnd.Tests.Commands;

/// <summary><c>sigil conflicts list|show</c> over real conflicts: raw etcd writes and an operator's push of the same records in the same second.</summary>
public class ConflictsSpecs : ConflictedRepository
{
    private Task<ProcessResult> ConflictsAsync(params string[] arguments) => Bare.SigilAsync(["conflicts", .. arguments, "--repo", Bare.Path]);

    private static string[] Lines(ProcessResult result) => result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Test]
    public async Task No_kept_loser_lists_nothing_and_exits_0()
    {
        await PushBaseNetworkAsync();

        var list = await ConflictsAsync("list");
        var json = await ConflictsAsync("list", "--json");

        list.ExitCode.ShouldBe(0, list.ToString());
        Lines(list).ShouldBe(["no kept conflicts"]);
        json.ExitCode.ShouldBe(0, json.ToString());
        json.StandardOutput.ShouldStartWith("{\"schema\":1,");
        JsonDocument.Parse(json.StandardOutput).RootElement.GetProperty("count").GetInt32().ShouldBe(0);
    }

    [Test]
    public async Task Kept_losers_are_listed_by_area_with_age_and_writers()
    {
        await MakeTwoConflictsAsync();

        var list = await ConflictsAsync("list");

        list.ExitCode.ShouldBe(1, list.ToString());
        var lines = Lines(list);
        lines.Length.ShouldBe(5, list.ToString());
        lines[0].ShouldBe("git: 1 kept conflict");
        lines[1].ShouldMatch(@"^  nodes/entry/e-1\.yaml: \d+s old, loser (git|etcd) \(.+\), winner (git|etcd); kept at /sigil/\.sigil/conflicts/nodes/entry/e-1/[0-9a-f]{16}$");
        lines[2].ShouldBe("state/core-1/: 1 kept conflict");
        lines[3].ShouldMatch(@"^  state/core-1/entries/e-1\.yaml: \d+s old, loser (git|core-1) \(.+\), winner (git|core-1); kept at /sigil/\.sigil/conflicts/state/core-1/entries/e-1/[0-9a-f]{16}$");
        lines[4].ShouldBe("2 kept conflicts in 2 areas ('sigil conflicts show --repo BARE PATH' shows one)");
    }

    [Test]
    public async Task The_json_list_starts_with_its_schema_and_groups_by_area()
    {
        await MakeTwoConflictsAsync();

        var json = await ConflictsAsync("list", "--json");

        json.ExitCode.ShouldBe(1, json.ToString());
        json.StandardOutput.ShouldStartWith("{\"schema\":1,");
        using var document = JsonDocument.Parse(json.StandardOutput);
        var areas = document.RootElement.GetProperty("areas").EnumerateArray().ToList();
        areas.Select(a => a.GetProperty("area").GetString()).ShouldBe(["git", "state/core-1/"]);
        areas[1].GetProperty("conflicts")[0].GetProperty("path").GetString().ShouldBe("state/core-1/entries/e-1.yaml");
    }

    [Test]
    public async Task Show_gives_both_versions_and_diffs_the_kept_value_against_etcd_s()
    {
        await MakeTwoConflictsAsync();
        var live = (await DataKeysAsync())["/sigil/state/core-1/entries/e-1"];
        var loser = live == NodeWrite ? "degraded" : "down";
        var winner = live == NodeWrite ? "down" : "degraded";

        var show = await ConflictsAsync("show", "state/core-1/entries/e-1.yaml");

        show.ExitCode.ShouldBe(0, show.ToString());
        var lines = Lines(show);
        lines[0].ShouldBe("state/core-1/entries/e-1.yaml: 1 kept conflict");
        lines[1].ShouldStartWith("kept at /sigil/.sigil/conflicts/state/core-1/entries/e-1/");
        lines[3].ShouldMatch(@"^  winner: (git|core-1) at \S+Z, vector \{.+\}, sha256 [0-9a-f]{16}$");
        lines[4].ShouldMatch(@"^  loser:  (git|core-1) at \S+Z, vector \{.+\}, sha256 [0-9a-f]{16}, from .+$");
        lines.ShouldContain("--- loser (kept)");
        lines.ShouldContain("+++ winner (etcd now at /sigil/state/core-1/entries/e-1)");
        lines.ShouldContain($"-  \"status\": \"{loser}\"");
        lines.ShouldContain($"+  \"status\": \"{winner}\"");
        lines.ShouldContain("   \"grpc_path\": \"/sigil.Entry/Report\",");
    }

    [Test]
    public async Task Show_of_a_record_without_kept_loser_is_an_error()
    {
        await PushBaseNetworkAsync();

        var show = await ConflictsAsync("show", "nodes/entry/e-2.yaml");

        show.ExitCode.ShouldBe(2, show.ToString());
        show.StandardOutput.ShouldBeEmpty();
        show.StandardError.ShouldContain("no kept conflict for nodes/entry/e-2.yaml");
    }

    [Test]
    public async Task An_unreachable_etcd_is_an_error_never_none()
    {
        await PushBaseNetworkAsync();
        await Etcd.StopAsync();

        var list = await ConflictsAsync("list");

        list.ExitCode.ShouldBe(2, list.ToString());
        list.StandardOutput.ShouldBeEmpty();
    }
}
