using SigilGate.Git;

namespace SigilGate.EndToEnd.Tests.Hooks;

/// <summary>
/// pre-receive leaves post-receive what the update it accepted changes (a file in the bare
/// repository), so that post-receive need not diff the trees again. Missing, left by another push,
/// damaged, cut short, or with a checksum that no longer holds, it is not used: the push is applied
/// exactly as with it, from the pushed tip's content.
/// </summary>
public class HandoverSpecs : HookedRepository
{
    private const string HandoverFile = "sigil-received-changes";

    private string HandoverPath => Path.Combine(Bare.Path, HandoverFile);

    [SetUp]
    public async Task PushTheBaseAndOneChange()
    {
        await PushBaseNetworkAsync();
        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        await Clone.PushAcceptedAsync("add e-3");
    }

    [Test]
    public async Task An_accepted_push_leaves_the_changes_of_exactly_its_update()
    {
        var old = await Bare.TipAsync();
        Clone.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443", enabled: false));
        var pushed = await Clone.PushAcceptedAsync("disable e-1");

        var kept = GitRepositories.ReceivedChanges(Bare.Path).Load(old!, pushed).ShouldNotBeNull();

        kept.ChangedPaths.ShouldBe(["nodes/entry/e-1.yaml"]);
        kept.Entries.Single(e => e.Path == "nodes/entry/e-1.yaml").New.ShouldNotBeNull().ObjectId.ShouldBe(await BlobAsync(pushed, "nodes/entry/e-1.yaml"));
        GitRepositories.ReceivedChanges(Bare.Path).Load(pushed, old!).ShouldBeNull();
    }

    [Test]
    public async Task A_rejected_push_leaves_the_file_as_it_was()
    {
        var before = await File.ReadAllBytesAsync(HandoverPath);
        Clone.Write("nodes/entry/e-9.yaml", Network.Entry("e-9", "core-2", "10.0.0.1:443"));
        await Clone.CommitAllAsync("e-9 takes e-1's address");

        var push = await Clone.PushAsync("alice");

        push.ExitCode.ShouldNotBe(0, push.ToString());
        (await File.ReadAllBytesAsync(HandoverPath)).ShouldBe(before);
    }

    public static IEnumerable<TestCaseData> Damages()
    {
        yield return new TestCaseData("true").SetName("A push is applied from its tip's content with the handover intact");
        yield return new TestCaseData($"rm -f {HandoverFile}").SetName("A push is applied from its tip's content with the handover missing");
        yield return new TestCaseData($"cp {HandoverFile}.previous {HandoverFile}").SetName("A push is applied from its tip's content with the handover of the push before it");
        yield return new TestCaseData($"printf 'not a handover\\n' > {HandoverFile}").SetName("A push is applied from its tip's content with the handover replaced by garbage");
        yield return new TestCaseData($"head -c 150 {HandoverFile} > {HandoverFile}.cut && mv {HandoverFile}.cut {HandoverFile}").SetName("A push is applied from its tip's content with the handover cut short");
        yield return new TestCaseData($"sed -i \"s/$NEW_BLOB/$OLD_BLOB/\" {HandoverFile}").SetName("A push is applied from its tip's content with the handover edited so that its checksum no longer holds");
    }

    [TestCaseSource(nameof(Damages))]
    public async Task A_push_is_applied_from_its_tips_content_whatever_became_of_the_handover(string damage)
    {
        var oldBlob = await BlobAsync((await Bare.TipAsync())!, "nodes/entry/e-1.yaml");
        Clone.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443", enabled: false));
        Clone.Write("nodes/entry/e-4.yaml", Network.Entry("e-4", "core-2", "10.0.0.4:443"));
        var sha = await Clone.CommitAllAsync("disable e-1, add e-4");
        var newBlob = await BlobAsync(sha, "nodes/entry/e-1.yaml");
        File.Copy(HandoverPath, HandoverPath + ".previous");
        DamageAfterPreReceive($"OLD_BLOB={oldBlob}; NEW_BLOB={newBlob}; {damage}");

        var push = await Clone.PushAsync("alice");

        push.ExitCode.ShouldBe(0, push.ToString());
        push.StandardError.ShouldContain($"applied {sha[..7]} to etcd at revision", Case.Sensitive, push.ToString());
        push.StandardError.ShouldContain(": 2 put, 0 deleted", Case.Sensitive, push.ToString());
        push.StandardError.ShouldNotContain("warning", Case.Insensitive, push.ToString());
        var data = await DataKeysAsync();
        data["/sigil/nodes/entry/e-1"].ShouldBe("{\"address\":\"10.0.0.1:443\",\"core\":\"core-1\",\"enabled\":false,\"id\":\"e-1\"}");
        data["/sigil/nodes/entry/e-4"].ShouldBe("{\"address\":\"10.0.0.4:443\",\"core\":\"core-2\",\"enabled\":true,\"id\":\"e-4\"}");
        var note = (await Bare.GitAsync("notes", "--ref=sigil", "show", sha)).StandardOutput;
        note.Split('\n').Where(l => l.StartsWith("put ", StringComparison.Ordinal) || l.StartsWith("delete ", StringComparison.Ordinal) || l.StartsWith("put: ", StringComparison.Ordinal))
            .ShouldBe(["put: 2", "put /sigil/nodes/entry/e-1", "put /sigil/nodes/entry/e-4"], note);
    }

    /// <summary>Runs the installed pre-receive, then <paramref name="script"/> in the bare repository before git goes on to post-receive.</summary>
    private void DamageAfterPreReceive(string script)
    {
        var hook = Path.Combine(Bare.HooksDirectory, "pre-receive");
        File.Move(hook, hook + ".installed");
        File.WriteAllText(hook, $"#!/bin/sh\n\"$(dirname \"$0\")/pre-receive.installed\" || exit $?\n{script}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private async Task<string> BlobAsync(string commit, string path)
    {
        var blob = await Clone.GitAsync("rev-parse", "--verify", $"{commit}:{path}");
        blob.ExitCode.ShouldBe(0, blob.ToString());
        return blob.StandardOutput.Trim();
    }
}
