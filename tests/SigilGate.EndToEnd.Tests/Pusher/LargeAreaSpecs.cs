using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Versioning;
using SigilGate.EndToEnd.Tests.Corpus;

namespace SigilGate.EndToEnd.Tests.Pusher;

/// <summary>
/// A node area in folders of more than a thousand entries, where the hooks and the pusher find
/// files through git's tree listing rather than entry by entry: what they read there must be
/// exactly what the commit holds.
/// </summary>
public class LargeAreaSpecs : HookedRepository
{
    private const int Entries = 1_200;
    private const int Changed = 12;

    [Test]
    public async Task Records_of_a_folder_of_more_than_a_thousand_entries_are_pushed_applied_and_checked_for_staleness()
    {
        await PushBaseNetworkAsync();
        await ImportLargeAreaAsync();
        (await Clone.PushAsync("alice")).ExitCode.ShouldBe(0);
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        using var stale = await Clone.OfAsync(Bare);
        (await node.PushAsync()).ExitCode.ShouldBe(0);

        // The node's agent writes twelve records; the pusher mirrors them through both hooks.
        foreach (var e in ChangedEntries) await Etcd.EtcdctlAsync("put", Key(e), Json(e, "down"));
        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.StandardError.ShouldContain(PushLines.Of($"pushed {Changed} records"));

        // The clone's index is split, so staging twelve files does not rewrite all 3,600 entries.
        Directory.GetFiles(System.IO.Path.Combine(node.Clone.Path, ".git"), "sharedindex.*").ShouldNotBeEmpty();
        var data = await DataKeysAsync();
        foreach (var e in ChangedEntries)
        {
            data[Key(e)].ShouldBe(Json(e, "down"));
            (await Bare.GitAsync("show", $"main:{Path(e)}")).StandardOutput.ShouldContain("status: down");
        }

        // A clone taken before the node's push writes the same records from its stale versions.
        foreach (var e in ChangedEntries)
        {
            // The imported records have no sidecar yet: the stale clone has seen no version of them.
            var sidecar = System.IO.Path.Combine(stale.Path, RecordPath.SidecarRoot + Path(e));
            var seen = File.Exists(sidecar) ? SidecarFormat.Read(TreeFile.FromText(RecordPath.SidecarRoot + Path(e), File.ReadAllText(sidecar))).Sidecar : null;
            var record = RecordJson.Parse(RecordPath.Parse(Path(e)), Json(e, "degraded")).Record!;
            stale.Write(Path(e), RecordJson.ToYaml(record));
            var vector = (seen?.Version.Vector ?? VersionVector.Empty).Bump("core-1");
            stale.Write(RecordPath.SidecarRoot + Path(e), SidecarFormat.Write(new RecordVersion(vector, "core-1", DateTimeOffset.UtcNow, record.Sha256), Path(e)));
        }

        await stale.CommitAllAsync("core-1 from a stale base");
        (await stale.GitAsync("pull", "--quiet", "--no-rebase", "-X", "ours", "origin", "main")).ExitCode.ShouldBe(0);
        var push = await stale.PushAsync("core-1");

        push.ExitCode.ShouldNotBe(0);
        foreach (var e in ChangedEntries) push.StandardError.ShouldContain($"remote: sigil: error: {Path(e)}: conflict: this push's version", Case.Sensitive, push.ToString());
        (await DataKeysAsync())[Key(ChangedEntries[0])].ShouldBe(Json(ChangedEntries[0], "down"));
    }

    [Test]
    public async Task A_new_name_differing_only_in_case_from_one_of_more_than_a_thousand_siblings_is_refused()
    {
        await PushBaseNetworkAsync();
        await ImportLargeAreaAsync();
        (await Clone.PushAsync("alice")).ExitCode.ShouldBe(0);

        // Only the new name is looked at, so its folder of 1,200 entries is listed to find the one it clashes with.
        Clone.Write("nodes/entry/E-700.yaml", Network.Entry("e-700", "core-1", "10.9.0.1:443"));
        await Clone.CommitAllAsync("a second spelling");
        var push = await Clone.PushAsync("alice");

        push.ExitCode.ShouldNotBe(0);
        push.StandardError.ShouldContain(
            "remote: sigil: error: nodes/entry/E-700.yaml: differs only in case from nodes/entry/e-700.yaml (the two are one file on case-insensitive file systems)",
            Case.Sensitive, push.ToString());
    }

    private static int[] ChangedEntries => [.. Enumerable.Range(500, Changed)];

    private static string Path(int entry) => $"state/core-1/entries/e-{entry}.yaml";

    private static string Key(int entry) => $"/sigil/state/core-1/entries/e-{entry}";

    private static string Json(int entry, string status) =>
        $"{{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T11:{entry % 60:00}:00Z\",\"status\":\"{status}\"}}";

    // git fast-import writes the 2,400 files in well under a second.
    private async Task ImportLargeAreaAsync()
    {
        var head = await Plumbing.RevParseAsync(Clone, "HEAD");
        var stream = new FastImportStream().Commit("main", "large area", from: head, committer: "Test Operator <operator@example.invalid>");
        for (var e = 100; e < 100 + Entries; e++)
        {
            stream.File($"nodes/entry/e-{e}.yaml", Network.Entry($"e-{e}", "core-1", $"10.1.{e / 256}.{e % 256}:443"));
            stream.File(Path(e), Network.State("up"));
        }

        var import = await stream.ImportAsync(Clone.Path, Clone.Environment.Variables);
        import.ExitCode.ShouldBe(0, import.ToString());
        (await Clone.GitAsync("reset", "--quiet", "--hard", "main")).ExitCode.ShouldBe(0);
    }
}
