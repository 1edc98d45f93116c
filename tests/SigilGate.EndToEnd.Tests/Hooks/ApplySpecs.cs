using System.Text.Json;

namespace SigilGate.EndToEnd.Tests.Hooks;

public class ApplySpecs : HookedRepository
{
    [Test]
    public async Task Deleting_a_record_deletes_exactly_its_key()
    {
        await PushBaseNetworkAsync();
        Clone.Delete("nodes/entry/e-1.yaml");
        Clone.Delete("state/core-1/entries/e-1.yaml");
        await Clone.CommitAllAsync("retire e-1");

        var push = await Clone.PushAsync("alice");

        push.ExitCode.ShouldBe(0, push.ToString());
        var data = await DataKeysAsync();
        data.Keys.ShouldNotContain("/sigil/nodes/entry/e-1");
        data.Keys.ShouldNotContain("/sigil/state/core-1/entries/e-1");
        data.Keys.ShouldContain("/sigil/nodes/entry/e-10");
    }

    [Test]
    public async Task A_modified_record_is_replaced_and_a_renamed_one_moves()
    {
        await PushBaseNetworkAsync();
        Clone.Write("nodes/entry/e-10.yaml", Network.Entry("e-10", "core-2", "10.0.0.10:443", enabled: false));
        Clone.Delete("nodes/entry/e-2.yaml");
        Clone.Write("nodes/entry/e-20.yaml", Network.Entry("e-20", "core-2", "10.0.0.2:443"));
        await Clone.CommitAllAsync("move e-10 to core-2, rename e-2");

        (await Clone.PushAsync("alice")).ExitCode.ShouldBe(0);

        var data = await DataKeysAsync();
        data["/sigil/nodes/entry/e-10"].ShouldBe("{\"address\":\"10.0.0.10:443\",\"core\":\"core-2\",\"enabled\":false,\"id\":\"e-10\"}");
        data.Keys.ShouldNotContain("/sigil/nodes/entry/e-2");
        data["/sigil/nodes/entry/e-20"].ShouldContain("\"id\":\"e-20\"");
    }

    [Test]
    public async Task A_push_of_five_hundred_records_is_applied_in_several_transactions()
    {
        await PushBaseNetworkAsync();
        var revisionBefore = await EtcdRevisionAsync();
        for (var i = 0; i < 500; i++) Clone.Write($"nodes/entry/bulk-{i}.yaml", Network.Entry($"bulk-{i}", "core-1", $"10.1.{i / 250}.{i % 250}:443"));
        var sha = await Clone.CommitAllAsync("500 entries");

        var push = await Clone.PushAsync("alice");

        push.ExitCode.ShouldBe(0, push.ToString());
        var data = await DataKeysAsync();
        data.Keys.Count(k => k.StartsWith("/sigil/nodes/entry/bulk-", StringComparison.Ordinal)).ShouldBe(500);
        // 500 records with their versions are 1,000 writes: at least 8 transactions of at most 128.
        (await EtcdRevisionAsync() - revisionBefore).ShouldBeGreaterThanOrEqualTo(8);
        (await EtcdKeysAsync())["/sigil/.sigil/applied"].ShouldContain(sha);
        (await Bare.GitAsync("notes", "--ref=sigil", "show", sha)).StandardOutput.ShouldContain("put: 500");
    }

    [Test]
    public async Task Applying_the_same_commit_twice_changes_nothing()
    {
        await PushBaseNetworkAsync();
        var before = await EtcdKeysAsync();
        var revision = await EtcdRevisionAsync();

        var apply = await Bare.SigilAsync("apply", "--repo", Bare.Path);

        apply.ExitCode.ShouldBe(0, apply.ToString());
        (await EtcdRevisionAsync()).ShouldBe(revision);
        (await EtcdKeysAsync()).ShouldBe(before);
    }

    [Test]
    public async Task A_push_while_etcd_is_down_is_accepted_and_applied_later_by_sigil_apply()
    {
        await PushBaseNetworkAsync();
        await Etcd.StopAsync();
        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        var sha = await Clone.CommitAllAsync("add e-3 during an outage");

        var push = await Clone.PushAsync("alice");

        push.ExitCode.ShouldBe(0, push.ToString());
        (await Bare.TipAsync()).ShouldBe(sha);
        push.StandardError.Split('\n').Count(l => l.Contains("pending", StringComparison.Ordinal)).ShouldBe(1, push.ToString());

        var failed = await Bare.SigilAsync("apply", "--repo", Bare.Path);
        failed.ExitCode.ShouldBe(2, failed.ToString());

        await Etcd.StartAsync();
        (await DataKeysAsync()).Keys.ShouldNotContain("/sigil/nodes/entry/e-3");
        var apply = await Bare.SigilAsync("apply", "--repo", Bare.Path);

        apply.ExitCode.ShouldBe(0, apply.ToString());
        (await DataKeysAsync())["/sigil/nodes/entry/e-3"].ShouldContain("10.0.0.3:443");
        (await EtcdKeysAsync())["/sigil/.sigil/applied"].ShouldContain(sha);
    }

    [Test]
    public async Task Sigil_apply_json_names_each_commit_applied_its_revision_counts_and_each_kept_conflict()
    {
        const string handEdit = "{\"address\":\"10.0.0.1:8443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-1\"}";
        await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-1", handEdit);
        await Etcd.StopAsync();
        Clone.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443", enabled: false));
        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        var sha = await CommitInTheSameSecondAsync(Clone, "disable e-1, add e-3");
        (await Clone.PushAsync("alice")).ExitCode.ShouldBe(0);
        await Etcd.StartAsync();

        var apply = await Bare.SigilAsync("apply", "--repo", Bare.Path, "--json");

        apply.ExitCode.ShouldBe(0, apply.ToString());
        apply.StandardError.ShouldBeEmpty();
        apply.StandardOutput.ShouldStartWith("{\"schema\":1,");
        using var document = JsonDocument.Parse(apply.StandardOutput);
        var root = document.RootElement;
        (root.GetProperty("branch").GetString(), root.GetProperty("tip").GetString()).ShouldBe(("main", sha));
        var step = root.GetProperty("steps").EnumerateArray().ShouldHaveSingleItem();
        (step.GetProperty("commit").GetString(), step.GetProperty("subject").GetString()).ShouldBe((sha, "disable e-1, add e-3"));
        step.GetProperty("etcd_revision").GetInt64().ShouldBe(await EtcdRevisionAsync());
        var conflict = step.GetProperty("conflicts").EnumerateArray().ShouldHaveSingleItem();
        (conflict.GetProperty("path").GetString(), conflict.GetProperty("key").GetString()).ShouldBe(("nodes/entry/e-1.yaml", "/sigil/nodes/entry/e-1"));

        // e-3 is put; e-1 too when Git's version won (which of two concurrent versions wins is a tie-break).
        var winner = conflict.GetProperty("winner").GetString();
        winner.ShouldBeOneOf("git", "etcd");
        step.GetProperty("counts").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetInt32()}").ShouldBe([winner == "git" ? "put=2" : "put=1", "deleted=0", "conflicts=1"]);
        (await EtcdKeysAsync()).Keys.ShouldContain(conflict.GetProperty("kept_at").GetString()!);
    }

    [Test]
    public async Task Sigil_apply_json_with_nothing_pending_is_a_document_without_steps()
    {
        var tip = await PushBaseNetworkAsync();

        var apply = await Bare.SigilAsync("apply", "--repo", Bare.Path, "--json");

        apply.ExitCode.ShouldBe(0, apply.ToString());
        using var document = JsonDocument.Parse(apply.StandardOutput);
        document.RootElement.GetProperty("tip").GetString().ShouldBe(tip);
        document.RootElement.GetProperty("steps").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task The_next_push_catches_up_on_work_left_pending()
    {
        await PushBaseNetworkAsync();
        await Etcd.StopAsync();
        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        await Clone.CommitAllAsync("during the outage");
        (await Clone.PushAsync("alice")).ExitCode.ShouldBe(0);
        await Etcd.StartAsync();

        Clone.Write("nodes/entry/e-4.yaml", Network.Entry("e-4", "core-1", "10.0.0.4:443"));
        await Clone.CommitAllAsync("after the outage");
        (await Clone.PushAsync("alice")).ExitCode.ShouldBe(0);

        var data = await DataKeysAsync();
        data.Keys.ShouldContain("/sigil/nodes/entry/e-3");
        data.Keys.ShouldContain("/sigil/nodes/entry/e-4");
    }

    [Test]
    public async Task A_value_changed_in_etcd_behind_gits_back_is_never_silently_lost()
    {
        await PushBaseNetworkAsync();
        const string handEdit = "{\"address\":\"10.0.0.1:8443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-1\"}";
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-1", handEdit);
        Clone.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443", enabled: false));
        await CommitInTheSameSecondAsync(Clone, "disable e-1");

        var push = await Clone.PushAsync("alice");

        push.ExitCode.ShouldBe(0, push.ToString());
        push.StandardError.ShouldContain("conflict /sigil/nodes/entry/e-1");
        var keys = await EtcdKeysAsync();
        var kept = keys.Where(k => k.Key.StartsWith("/sigil/.sigil/conflicts/nodes/entry/e-1/", StringComparison.Ordinal)).ToList();
        kept.Count.ShouldBe(1);
        // Both versions survive: one as the live value, the other kept as the conflict's loser.
        var live = keys["/sigil/nodes/entry/e-1"];
        var both = new[] { live, System.Text.Json.JsonDocument.Parse(kept[0].Value).RootElement.GetProperty("value").GetString() };
        both.ShouldContain(handEdit);
        both.ShouldContain("{\"address\":\"10.0.0.1:443\",\"core\":\"core-1\",\"enabled\":false,\"id\":\"e-1\"}");
    }

    [Test]
    public async Task Two_pushes_committed_in_the_same_second_both_land_in_order()
    {
        await PushBaseNetworkAsync();
        const string second = "2026-11-23T12:00:00+00:00";
        var environment = Clone.Environment.With(("GIT_COMMITTER_DATE", second), ("GIT_AUTHOR_DATE", second));
        foreach (var enabled in new[] { false, true })
        {
            Clone.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443", enabled));
            (await Clone.GitAsync("add", "-A")).ExitCode.ShouldBe(0);
            (await Processes.RunAsync("git", ["commit", "--quiet", "-m", $"enabled: {enabled}"], Clone.Path, environment)).ExitCode.ShouldBe(0);
            var push = await Clone.PushAsync("alice");
            push.ExitCode.ShouldBe(0, push.ToString());
            push.StandardError.ShouldNotContain("conflict");
        }

        (await DataKeysAsync())["/sigil/nodes/entry/e-1"].ShouldContain("\"enabled\":true");
    }

    [Test]
    public async Task Other_branches_are_accepted_but_not_validated_or_applied()
    {
        await PushBaseNetworkAsync();
        var before = await EtcdKeysAsync();
        Clone.Write("nodes/entry/e-3.yaml", "this is: [not valid");
        await Clone.CommitAllAsync("work in progress");

        var push = await Clone.PushAsync("alice", "HEAD:refs/heads/wip");

        push.ExitCode.ShouldBe(0, push.ToString());
        (await EtcdKeysAsync()).ShouldBe(before);
    }

    [Test]
    public async Task A_dry_run_push_prints_the_etcd_operations_and_changes_nothing()
    {
        var tip = await PushBaseNetworkAsync();
        var before = await EtcdKeysAsync();
        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        Clone.Delete("nodes/entry/e-10.yaml");
        await Clone.CommitAllAsync("add e-3, drop e-10");

        var push = await Clone.PushAsync("alice", "-o", "sigil.dry-run", "HEAD:refs/heads/main");

        push.ExitCode.ShouldNotBe(0);
        push.StandardError.ShouldContain("remote: sigil:   put /sigil/nodes/entry/e-3 {\"address\":\"10.0.0.3:443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-3\"}");
        push.StandardError.ShouldContain("remote: sigil:   delete /sigil/nodes/entry/e-10");
        push.StandardError.ShouldContain("remote: sigil: dry run: push rejected, nothing was changed");
        (await Bare.TipAsync()).ShouldBe(tip);
        (await EtcdKeysAsync()).ShouldBe(before);
    }
}
