using SigilGate.Domain.Apply;
using SigilGate.Domain.Store;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Apply;
using SigilGate.Workflows.Handover;

namespace SigilGate.Workflows.Tests.Handover;

/// <summary>
/// The apply of a push with what pre-receive handed over writes exactly what it writes without:
/// the same keys and values in etcd, the same receipt note, the same report. Seeded pushes of one
/// to three commits over records, sidecars, deletions, unsynced files and records that do not
/// parse, some over values written in etcd since.
/// </summary>
public class HandedOverApplySpecs
{
    private static readonly KeyLayout Keys = SyncedNetwork.Keys;

    [TestCaseSource(nameof(Seeds))]
    public async Task The_apply_writes_the_same_with_and_without_the_handed_over_changes(int seed)
    {
        var plain = await PushedAsync(seed);
        var handed = await PushedAsync(seed);
        (handed.Applied, handed.Tip).ShouldBe((plain.Applied, plain.Tip));
        var known = ReceivedChanges.Of(handed.Repository, handed.Applied, handed.Tip);
        var diffsBefore = handed.Repository.ChangedPathsReads;

        var withoutReports = await new Applier(plain.Repository, plain.Store, Keys, StoreLimits.Default, new FixedClock()).ApplyAsync(plain.Tip, plain.Repository);
        var withReports = await new Applier(new ReceivedChangesReader(handed.Repository, known), handed.Store, Keys, StoreLimits.Default, new FixedClock()).ApplyAsync(handed.Tip, handed.Repository);

        handed.Store.Snapshot().ShouldBe(plain.Store.Snapshot());
        handed.Repository.Notes[handed.Tip].ShouldBe(plain.Repository.Notes[plain.Tip]);
        Describe(withReports).ShouldBe(Describe(withoutReports));

        // One commit on top of the applied one: its diff came from the handover, not from the trees.
        if (handed.Commits == 1) handed.Repository.ChangedPathsReads.ShouldBe(diffsBefore);
    }

    [Test]
    public async Task Changes_of_another_update_are_not_used_for_this_one()
    {
        var pushed = await PushedAsync(3);
        var other = pushed.Repository.Commit("main", "later", ("README.md", "# later\n"));
        var known = ReceivedChanges.Of(pushed.Repository, pushed.Applied, pushed.Tip);
        var reader = new ReceivedChangesReader(pushed.Repository, known);
        var diffsBefore = pushed.Repository.ChangedPathsReads;

        reader.ChangedPaths(pushed.Tip, other).ShouldBe(["README.md"]);
        reader.Files(other, ["README.md"]).Files.Single().Content.ToArray().ShouldBe("# later\n"u8.ToArray());

        pushed.Repository.ChangedPathsReads.ShouldBe(diffsBefore + 1);
    }

    public static IEnumerable<int> Seeds() => Enumerable.Range(1, 24);

    private static string[] Describe(IReadOnlyList<StepReport> reports) =>
        reports.SelectMany(r => new[] { r.Commit.Sha, r.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Concat(r.KeysPut.Select(k => "put " + k)).Concat(r.KeysDeleted.Select(k => "delete " + k))
            .Concat(r.Skipped.Select(p => "skipped " + p)).Concat(r.Conflicts.Select(c => $"conflict {c.Target.Path.Path} kept {c.KeptAt}"))).ToArray();

    /// <summary>The base network applied, then a push of one to three commits made from <paramref name="seed"/> (the same seed makes the same repository and store).</summary>
    private static async Task<Pushed> PushedAsync(int seed)
    {
        var network = await SyncedNetwork.CreateAsync();
        var random = new Random(seed);
        var commits = random.Next(1, 4);
        var tip = network.Tip;
        for (var c = 0; c < commits; c++)
        {
            var pool = Changes(seed, c);
            var changes = pool.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).SelectMany(change => change).DistinctBy(change => change.Path).ToArray();
            tip = network.Repository.Commit("main", $"change {c}", changes);
        }

        // Values written in etcd since the last apply: the apply decides against them either way.
        if (random.Next(3) == 0) network.Store.Put(Keys.Data("nodes/entry/e-1"), Network.EntryJson("e-1", "core-1", "10.0.0.1:443", enabled: false));
        if (random.Next(3) == 0) network.Store.Put(Keys.Data("state/core-1/entries/e-1"), Network.StateJson("down", "2026-11-23T11:00:00Z"));
        return new Pushed(network.Repository, network.Store, network.Tip, tip, commits);
    }

    private static List<TreeChange[]> Changes(int seed, int commit) =>
    [
        [("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443", enabled: (seed + commit) % 2 == 0))],
        [("nodes/entry/e-2.yaml", null)],
        [($"nodes/entry/e-{3 + commit}.yaml", Network.Entry($"e-{3 + commit}", "core-2", $"10.0.0.{3 + commit}:443"))],
        Network.StateWithVersion("state/core-1/entries/e-1.yaml", "degraded", "core-1", ("core-1", 5 + commit)),
        [("state/core-1/entries/e-1.yaml", Network.State("down"))],
        [("network.yaml", $"name: test-net\nsync_interval: {30 + commit}s\n")],
        [("README.md", $"# changed {seed} {commit}\n")],
        [("nodes/core/core-2.yaml", Network.Core("core-2", $"10.0.1.{9 + commit}:7000"))],
        [("nodes/entry/e-1.yaml", "id: e-1\ncore: [unclosed\n")],
        [("docs/notes.md", "unsynced\n")],
    ];

    private sealed record Pushed(InMemoryRepository Repository, InMemoryKeyValueStore Store, string Applied, string Tip, int Commits);
}
