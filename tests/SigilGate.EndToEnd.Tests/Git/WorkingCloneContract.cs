using SigilGate.Domain.Mirror;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Ports;

namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>
/// What every <see cref="IWorkingClone"/> must do, run against the git command-line clone a Core
/// node uses and against the in-memory clone of the mirror's unit specs: sync, write, commit, push
/// (accepted, lost to a rival, refused) and pull --rebase (replayed, or stopped and undone).
/// </summary>
public abstract class WorkingCloneContract
{
    protected static readonly TreeChange[] BaseFiles = [("a.yaml", "a: 1\n"), ("b.yaml", "b: 1\n")];

    private string baseSha = "";

    protected IWorkingClone Clone { get; private set; } = null!;

    /// <summary>A remote whose branch <c>main</c> holds one commit of <paramref name="files"/>, and a clone of it.</summary>
    protected abstract Task<IWorkingClone> CreateAsync(TreeChange[] files);

    /// <summary>Someone else's commit of <paramref name="changes"/> pushed onto the remote's main; its id.</summary>
    protected abstract Task<string> RivalPushAsync(params TreeChange[] changes);

    /// <summary>The server refuses the next push with <paramref name="message"/>.</summary>
    protected abstract Task RefuseNextPushAsync(string message);

    protected abstract IRepositoryReader OpenRemote();

    protected virtual void CleanUp()
    {
    }

    [SetUp]
    public async Task SyncedCloneAsync()
    {
        Clone = await CreateAsync(BaseFiles);
        await Clone.SyncToRemoteAsync();
        using var remote = OpenRemote();
        baseSha = remote.BranchTip("main")!;
    }

    [TearDown]
    public void Remove() => CleanUp();

    private string? RemoteTip()
    {
        using var remote = OpenRemote();
        return remote.BranchTip("main");
    }

    private Dictionary<string, string> RemoteFiles()
    {
        using var remote = OpenRemote();
        return remote.Snapshot(remote.BranchTip("main")!).Files.ToDictionary(f => f.Path, f => System.Text.Encoding.UTF8.GetString(f.Content.Span));
    }

    private async Task CommitAsync(string message, params FileChange[] changes)
    {
        await Clone.WriteAsync(changes);
        await Clone.CommitAsync(message);
    }

    [Test]
    public void A_synced_clone_is_at_the_remote_tip_and_reads_its_files()
    {
        Clone.Head().ShouldBe(baseSha);
        using var reader = Clone.Open();
        reader.Files(Clone.Head(), ["a.yaml"]).Find("a.yaml").ShouldNotBeNull();
    }

    [Test]
    public async Task Written_files_committed_and_pushed_become_the_remote_tip()
    {
        await CommitAsync("mirror commit", new FileChange("a.yaml", "a: 2\n"), new FileChange("b.yaml", null), new FileChange("dir/c.yaml", "c: 3\n"));

        var push = await Clone.PushAsync("core-1");

        push.Status.ShouldBe(PushStatus.Accepted, push.Messages);
        RemoteTip().ShouldBe(Clone.Head());
        RemoteFiles().ShouldBe(new Dictionary<string, string> { ["a.yaml"] = "a: 2\n", ["dir/c.yaml"] = "c: 3\n" });
        using var remote = OpenRemote();
        var tip = remote.FindCommit(Clone.Head())!;
        tip.Parents.ShouldBe([baseSha]);
        tip.Subject.ShouldBe("mirror commit");
    }

    [Test]
    public async Task A_push_behind_a_rival_push_is_rejected_as_a_lost_race_and_the_remote_keeps_the_rival()
    {
        await CommitAsync("mirror commit", new FileChange("a.yaml", "a: 2\n"));
        var rival = await RivalPushAsync(("b.yaml", "b: rival\n"));

        var push = await Clone.PushAsync("core-1");

        push.Status.ShouldBe(PushStatus.Rejected, push.Messages);
        RemoteTip().ShouldBe(rival);
    }

    [Test]
    public async Task A_pull_rebase_puts_the_commit_on_the_rival_and_the_next_push_lands()
    {
        await CommitAsync("mirror commit", new FileChange("a.yaml", "a: 2\n"));
        var rival = await RivalPushAsync(("b.yaml", "b: rival\n"));

        (await Clone.PullRebaseAsync()).ShouldBeTrue();
        var push = await Clone.PushAsync("core-1");

        push.Status.ShouldBe(PushStatus.Accepted, push.Messages);
        using var remote = OpenRemote();
        remote.FindCommit(remote.BranchTip("main")!)!.Parents.ShouldBe([rival]);
        RemoteFiles().ShouldBe(new Dictionary<string, string> { ["a.yaml"] = "a: 2\n", ["b.yaml"] = "b: rival\n" });
    }

    [Test]
    public async Task A_pull_rebase_stopped_by_a_conflict_is_undone_and_says_so()
    {
        await CommitAsync("mirror commit", new FileChange("a.yaml", "a: 2\n"));
        var local = Clone.Head();
        await RivalPushAsync(("a.yaml", "a: rival\n"));

        (await Clone.PullRebaseAsync()).ShouldBeFalse();

        Clone.Head().ShouldBe(local);
    }

    [Test]
    public async Task A_pull_rebase_over_a_rival_change_to_another_line_of_the_same_file_is_undone_and_says_so()
    {
        // git would merge the two changes line by line: the file would hold a record no one wrote.
        await RivalPushAsync(("lines.yaml", "status: up\nlast_seen: 2026-12-07T01:00:00Z\ngrpc_path: /sigil.Entry/Heartbeat\n"));
        await Clone.SyncToRemoteAsync();
        await CommitAsync("mirror commit", new FileChange("lines.yaml", "status: down\nlast_seen: 2026-12-07T01:00:00Z\ngrpc_path: /sigil.Entry/Heartbeat\n"));
        var local = Clone.Head();
        await RivalPushAsync(("lines.yaml", "status: up\nlast_seen: 2026-12-07T01:00:00Z\ngrpc_path: /sigil.Entry/Report\n"));

        (await Clone.PullRebaseAsync()).ShouldBeFalse();

        Clone.Head().ShouldBe(local);
    }

    [Test]
    public async Task A_sync_drops_what_the_clone_committed_and_did_not_push()
    {
        await CommitAsync("mirror commit", new FileChange("new.yaml", "n: 1\n"));
        var rival = await RivalPushAsync(("b.yaml", "b: rival\n"));

        await Clone.SyncToRemoteAsync();

        Clone.Head().ShouldBe(rival);
        using var reader = Clone.Open();
        reader.Files(Clone.Head(), ["new.yaml", "b.yaml"]).Files.Select(f => f.Path).ShouldBe(["b.yaml"]);
    }

    [Test]
    public async Task A_refused_push_is_refused_with_the_server_s_words_and_changes_nothing()
    {
        await CommitAsync("mirror commit", new FileChange("a.yaml", "a: 2\n"));
        await RefuseNextPushAsync("DENIED by fallthru");

        var push = await Clone.PushAsync("core-1");

        push.Status.ShouldBe(PushStatus.Refused, push.Messages);
        push.Messages.ShouldContain("DENIED by fallthru");
        RemoteTip().ShouldBe(baseSha);
    }
}
