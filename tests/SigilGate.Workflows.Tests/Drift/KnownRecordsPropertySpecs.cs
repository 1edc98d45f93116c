using SigilGate.Domain.Drift;
using SigilGate.Domain.Trees;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Drift;

namespace SigilGate.Workflows.Tests.Drift;

/// <summary>
/// Over generated histories, etcd contents and kept readings (the readings of earlier tips, of another
/// repository, and stale ones that agree with etcd rather than the tip), drift with kept readings reports
/// exactly what drift reading every file reports.
/// </summary>
public class KnownRecordsPropertySpecs
{
    [TestCaseSource(nameof(Seeds))]
    public async Task Drift_with_kept_readings_reports_what_drift_reading_every_file_reports(int seed)
    {
        var random = new Random(seed);
        var network = await SyncedNetwork.CreateAsync();
        var kept = new KeptReadings();
        for (var round = 0; round < 4; round++)
        {
            Change(network, random);
            if (random.Next(3) == 0) await Synced(network);
            Tamper(network, random);
            var tip = network.Repository.Snapshot(network.Repository.BranchTip("main")!);
            var poisoned = Poison(kept.Kept, tip, network, random);

            var plain = await OutputAsync(network, null);
            (await OutputAsync(network, kept)).ShouldBe(plain, $"seed {seed}, round {round}, readings of earlier tips");
            (await OutputAsync(network, kept)).ShouldBe(plain, $"seed {seed}, round {round}, the tip's own readings");
            (await OutputAsync(network, new KeptReadings(poisoned))).ShouldBe(plain, $"seed {seed}, round {round}, stale readings");
        }
    }

    private static IEnumerable<int> Seeds() => Enumerable.Range(1, 25);

    private static async Task<string[]> OutputAsync(SyncedNetwork network, KeptReadings? kept)
    {
        var snapshot = await SyncSnapshotReader.ReadAsync(network.Repository, network.Store, SyncedNetwork.Keys, "main", network.Clock, default, kept);
        var report = new DriftReport(snapshot, DriftLedger.Update(DriftComparison.Compare(snapshot), snapshot).Aged);
        return [.. DriftText.Lines(report), DriftJson.Write(report), string.Join(",", snapshot.Git.Unreadable.Order(StringComparer.Ordinal))];
    }

    private static Task Synced(SyncedNetwork network) =>
        new SigilGate.Workflows.Apply.Applier(network.Repository, network.Store, SyncedNetwork.Keys, Domain.Store.StoreLimits.Default, network.Clock).ApplyAsync(network.Repository.BranchTip("main")!, network.Repository);

    /// <summary>A commit adding, editing, breaking, re-moding and deleting entries.</summary>
    private static void Change(SyncedNetwork network, Random random)
    {
        var changes = new List<TreeChange>();
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            var id = $"e-{random.Next(1, 9)}";
            var path = $"nodes/entry/{id}.yaml";
            var entry = Network.Entry(id, random.Next(2) == 0 ? "core-1" : "core-2", $"10.0.0.{random.Next(1, 4)}:443", random.Next(2) == 0);
            changes.Add(random.Next(6) switch
            {
                0 => TreeChange.Delete(path),
                1 => TreeChange.Write(path, entry + "bogus_field: 1\n"),
                2 => TreeChange.Executable(path, entry),
                _ => TreeChange.Write(path, entry),
            });
        }

        network.Repository.Commit("main", "change entries", [.. changes.DistinctBy(c => c.Path)]);
    }

    /// <summary>Hand edits in etcd: values of entries as they were, are, or might be; deletions; keys Git never had.</summary>
    private static void Tamper(SyncedNetwork network, Random random)
    {
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            var id = $"e-{random.Next(1, 9)}";
            var key = $"/sigil/nodes/entry/{id}";
            if (random.Next(4) == 0) network.Store.Delete(key);
            else network.Store.Put(key, Network.EntryJson(id, random.Next(2) == 0 ? "core-1" : "core-2", $"10.0.0.{random.Next(1, 4)}:443", random.Next(2) == 0));
        }
    }

    /// <summary>
    /// Readings as bad as they can be without a forged blob id: the kept ones, plus for every record of the
    /// tip a reading of another blob (or the same blob in another mode) that says what etcd holds.
    /// </summary>
    private static KnownRecords Poison(KnownRecords kept, TreeSnapshot tip, SyncedNetwork network, Random random)
    {
        var byPath = kept.ByPath.ToDictionary(StringComparer.Ordinal);
        var etcd = network.Store.Snapshot().ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        foreach (var file in tip.Files.Where(f => f.Path.StartsWith("nodes/", StringComparison.Ordinal)))
        {
            var value = etcd.GetValueOrDefault("/sigil/" + file.Path[..^".yaml".Length]);
            byPath[file.Path] = random.Next(3) == 0
                ? new KnownRecord(file.Mode == TreeFileMode.Regular ? TreeFileMode.Executable : TreeFileMode.Regular, file.ObjectId, value)
                : new KnownRecord(file.Mode, Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())).PadRight(40, '0'), value);
        }

        return new KnownRecords(byPath);
    }
}
