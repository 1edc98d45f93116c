using System.Text.Json;
using SigilGate.EndToEnd.Tests.Hooks;
using SigilGate.EndToEnd.Tests.Pusher;

namespace SigilGate.EndToEnd.Tests.Commands;

/// <summary><c>sigil status</c> through the real executable, over a real etcd and a bare repository with the hooks installed.</summary>
public class StatusSpecs : HookedRepository
{
    private const string HandEdit = "{\"address\":\"10.0.0.1:8443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-1\"}";
    private const string NodeWrite = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T10:05:00Z\",\"status\":\"down\"}";

    private Task<ProcessResult> StatusAsync(params string[] options) => Bare.SigilAsync(["status", "--repo", Bare.Path, .. options]);

    private static string[] Lines(ProcessResult result) => result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Line(ProcessResult result, string label) =>
        Lines(result).Where(l => l.StartsWith(label + ":", StringComparison.Ordinal)).ShouldHaveSingleItem(result.ToString());

    /// <summary>Where the fact starts: after the label's colon and the spaces that align it.</summary>
    private static int FactColumn(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return line.Length - line[(colon + 1)..].TrimStart().Length;
    }

    [Test]
    public async Task Right_after_a_push_all_is_applied_and_clean_and_it_exits_0()
    {
        var tip = await PushBaseNetworkAsync();
        var revision = await EtcdRevisionAsync();

        var status = await StatusAsync();

        status.ExitCode.ShouldBe(0, status.ToString());
        status.StandardError.ShouldBeEmpty();
        var lines = Lines(status);
        lines.Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).ShouldBe(["branch", "applied", "pending", "etcd", "drift", "conflicts", "mirror core-1", "mirror core-2", "status"]);
        lines.Select(FactColumn).Distinct().ShouldHaveSingleItem("the facts start in one column");
        Line(status, "branch").ShouldStartWith($"branch:        main at {tip[..7]}, committed ");
        Line(status, "applied").ShouldMatch($@"^applied: +{tip[..7]} at etcd revision \d+, \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(the tip\)$");
        Line(status, "pending").ShouldBe("pending:       none");
        Line(status, "etcd").ShouldBe($"etcd:          1 member (solo), leader solo ({Etcd.Endpoint})");
        Line(status, "drift").ShouldBe("drift:         none");
        Line(status, "conflicts").ShouldBe("conflicts:     none");
        Line(status, "mirror core-1").ShouldBe("mirror core-1: never");
        Line(status, "status").ShouldBe("status:        ok (etcd holds the tip; nothing pending, drifting or kept)");
        (await EtcdRevisionAsync()).ShouldBe(revision, "status writes nothing");
    }

    [Test]
    public async Task A_push_while_etcd_was_down_leaves_a_pending_commit_that_needs_attention()
    {
        var applied = await PushBaseNetworkAsync();
        await Etcd.StopAsync();
        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        var pending = await Clone.CommitAllAsync("add e-3 during an outage");
        (await Clone.PushAsync("alice")).ExitCode.ShouldBe(0);
        await Etcd.StartAsync();

        var status = await StatusAsync();

        status.ExitCode.ShouldBe(1, status.ToString());
        Line(status, "applied").ShouldContain($"{applied[..7]} at etcd revision ");
        Line(status, "applied").ShouldEndWith("(1 commit behind the tip)");
        Line(status, "pending").ShouldStartWith($"pending:       1 commit, the oldest {pending[..7]} committed ");
        Line(status, "status").ShouldBe("status:        needs attention (1 pending commit, 2 drift differences)");
        (await EtcdKeysAsync()).Keys.ShouldNotContain(k => k.StartsWith("/sigil/.sigil/drift/", StringComparison.Ordinal), "status records no first-seen time");
    }

    [Test]
    public async Task Drift_and_a_kept_conflict_are_counted_and_need_attention()
    {
        await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-1", HandEdit);
        Clone.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443", enabled: false));
        await CommitInTheSameSecondAsync(Clone, "disable e-1");
        (await Clone.PushAsync("alice")).ExitCode.ShouldBe(0);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", NodeWrite);

        var status = await StatusAsync();

        status.ExitCode.ShouldBe(1, status.ToString());
        // Whichever side won, its loser is kept; when etcd's edit won, Git's tip differs from etcd too.
        Line(status, "drift").ShouldMatch(@"^drift: +[23] differences \((1 changed-in-etcd, )?1 conflict-loser, 1 pending-node-write\), the oldest for \d+s \('sigil drift --repo BARE' lists them\)$");
        Line(status, "conflicts").ShouldMatch(@"^conflicts: +1 kept \(git: 1\), the oldest \d+s old \('sigil conflicts list --repo BARE' lists them\)$");
        Line(status, "status").ShouldMatch(@"^status: +needs attention \([23] drift differences, 1 kept conflict\)$");
    }

    [Test]
    public async Task A_core_node_s_sigil_push_shows_as_its_last_mirror()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", NodeWrite);
        (await node.PushAsync()).ExitCode.ShouldBe(0);
        var mirror = (await Bare.GitAsync("rev-parse", "main")).StandardOutput.Trim();

        var status = await StatusAsync();

        Line(status, "mirror core-1").ShouldMatch($@"^mirror core-1: \d+s ago, \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ, commit {mirror[..7]} \(etcd revision \d+\)$");
        Line(status, "mirror core-2").ShouldBe("mirror core-2: never");
        status.ExitCode.ShouldBe(0, status.ToString());
    }

    [Test]
    public async Task With_etcd_stopped_the_git_side_is_shown_and_etcd_is_unreachable()
    {
        var tip = await PushBaseNetworkAsync();
        await Etcd.StopAsync();

        var status = await StatusAsync();

        status.ExitCode.ShouldBe(1, status.ToString());
        Line(status, "branch").ShouldStartWith($"branch:        main at {tip[..7]}");
        Line(status, "etcd").ShouldStartWith($"etcd:          unreachable: etcd unavailable at {Etcd.Endpoint} while trying to list the cluster's members: ");
        Line(status, "etcd").ShouldContain("connection refused");
        Line(status, "applied").ShouldBe("applied:       unknown (etcd not read)");
        Line(status, "mirror core-2").ShouldBe("mirror core-2: never");
        Line(status, "status").ShouldBe("status:        needs attention (etcd unreachable)");
    }

    [TestCase("")]
    [TestCase("--json")]
    public async Task Damaged_bookkeeping_is_an_error_naming_the_key_and_etcd_is_not_called_unreadable(string json)
    {
        await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/.sigil/versions/nodes/entry/e-2", "garbage");

        var status = await StatusAsync([.. json.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        status.ExitCode.ShouldBe(2, status.ToString());
        status.StandardOutput.ShouldBeEmpty();
        status.StandardError.TrimEnd('\n').Split('\n').ShouldHaveSingleItem().ShouldStartWith("sigil: error: etcd key /sigil/.sigil/versions/nodes/entry/e-2 is damaged: ", Case.Sensitive, status.ToString());
    }

    [Test]
    public async Task A_clone_instead_of_the_bare_repository_is_an_error()
    {
        await PushBaseNetworkAsync();

        var status = await Bare.SigilAsync(["status", "--repo", Clone.Path]);

        status.ExitCode.ShouldBe(2, status.ToString());
        status.StandardOutput.ShouldBeEmpty();
        status.StandardError.TrimEnd('\n').ShouldBe($"sigil: error: --repo {Clone.Path} is a clone with a work tree, not a bare repository: name the server's bare repository, the one whose hooks run sigil");
    }

    [Test]
    public async Task The_json_document_starts_with_its_schema_and_parses()
    {
        var tip = await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-1", HandEdit);

        var status = await StatusAsync("--json");

        status.ExitCode.ShouldBe(1, status.ToString());
        status.StandardOutput.ShouldStartWith("{\"schema\":1,");
        using var document = JsonDocument.Parse(status.StandardOutput);
        var root = document.RootElement;
        root.GetProperty("ok").GetBoolean().ShouldBeFalse();
        root.GetProperty("tip").GetProperty("commit").GetString().ShouldBe(tip);
        root.GetProperty("applied").GetProperty("commit").GetString().ShouldBe(tip);
        root.GetProperty("applied").GetProperty("is_tip").GetBoolean().ShouldBeTrue();
        root.GetProperty("pending").GetProperty("count").GetInt32().ShouldBe(0);
        root.GetProperty("etcd").GetProperty("leader").GetString().ShouldBe("solo");
        root.GetProperty("drift").GetProperty("counts").GetProperty("changed-in-etcd").GetInt32().ShouldBe(1);
        root.GetProperty("conflicts").GetProperty("count").GetInt32().ShouldBe(0);
        root.GetProperty("mirrors").GetProperty("cores").EnumerateArray().Select(c => c.GetProperty("node").GetString()).ShouldBe(["core-1", "core-2"]);
    }
}
