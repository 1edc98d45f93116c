using System.Text.Json;

namespace SigilGate.Testing.Soak;

/// <summary>
/// The soak's three promises, checked on the quiet end state: etcd equals Git (data keys are the
/// branch tip's records, exact JSON); every write is still there, was replaced by a write that had
/// seen it, or is kept as a conflict loser (in etcd and in the repository); and no kept loser had
/// seen the version that beat it.
/// </summary>
public static class SoakVerdict
{
    private const string EtcdConflicts = SoakWorld.Prefix + "/.sigil/conflicts/";
    private const string GitConflicts = ".sigil/conflicts/";

    public static SoakCounts Check(SoakLedger ledger, SoakFinalState final, List<string> problems)
    {
        var current = CheckEtcdEqualsGit(ledger, final, problems);
        var kept = CheckKeptLosers(ledger, final, problems);
        var lost = 0;
        foreach (var write in ledger.All.Where(w => !w.Uncertain))
        {
            if (Survives(ledger, write, current.GetValueOrDefault(write.Path), kept.GetValueOrDefault(write.Path) ?? [])) continue;
            lost++;
            problems.Add($"write {write.Marker} to {write.Path} (by {write.Writer} at {write.At:0.00} s, seen {write.Seen ?? "nothing"}) is lost: " +
                $"the record holds {current.GetValueOrDefault(write.Path) ?? "nothing"}, which had not seen it, and no kept loser is or had seen it");
        }

        var synced = ledger.All.Count(w => !w.Uncertain && w.Writer != "init" && final.MarkersInGitHistory.Contains(w.Path + " " + w.Marker) && !(kept.GetValueOrDefault(w.Path)?.Contains(w.Marker) ?? false));
        return new SoakCounts(
            Writes: ledger.All.Count(w => w.Writer != "init" && !w.Uncertain),
            Uncertain: ledger.All.Count(w => w.Uncertain),
            Synced: synced,
            KeptLosers: kept.Values.Sum(k => k.Count),
            Lost: lost);
    }

    private static bool Survives(SoakLedger ledger, SoakWrite write, string? current, HashSet<string> kept)
    {
        if (current == write.Marker || kept.Contains(write.Marker)) return true;
        if (current is not null && ledger.PastOf(current).Contains(write.Marker)) return true;
        return kept.Any(k => ledger.PastOf(k).Contains(write.Marker));
    }

    /// <summary>Checks that every data key is a record of the tip with its exact JSON; returns each record's current marker.</summary>
    private static Dictionary<string, string?> CheckEtcdEqualsGit(SoakLedger ledger, SoakFinalState final, List<string> problems)
    {
        var data = final.Etcd.Where(k => !k.Key.StartsWith(SoakWorld.Prefix + "/.sigil/", StringComparison.Ordinal)).ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        var records = final.GitFiles.Where(f => IsRecord(f.Key)).ToDictionary(f => RecordFiles.KeyOf(f.Key), f => f, StringComparer.Ordinal);
        foreach (var key in data.Keys.Except(records.Keys)) problems.Add($"etcd holds {key} = {data[key]}, which the branch tip does not have");

        var current = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, (path, yaml)) in records)
        {
            var expected = FlatYaml.ToCanonicalJson(yaml);
            if (!data.TryGetValue(key, out var actual)) problems.Add($"{path} is on the branch tip but {key} is not in etcd");
            else if (actual != expected) problems.Add($"{key}: etcd holds {actual} but the branch tip's {path} is {expected}");

            if (!path.StartsWith("state/", StringComparison.Ordinal) && !path.StartsWith("nodes/entry/", StringComparison.Ordinal)) continue;
            var marker = SoakRecords.MarkerOfYaml(path, yaml);
            current[path] = marker;
            var write = ledger.Find(marker);
            if (write is null || write.Path != path) problems.Add($"{path} holds {marker ?? "no marker"}, which no writer wrote there");
            else if (write.Json != expected) problems.Add($"{path} holds write {marker} as {expected}, but it was written as {write.Json}");
        }

        return current;
    }

    /// <summary>Checks the kept losers (same set in etcd and in the repository, known writes, none had seen its winner); returns them by record.</summary>
    private static Dictionary<string, HashSet<string>> CheckKeptLosers(SoakLedger ledger, SoakFinalState final, List<string> problems)
    {
        var inEtcd = final.Etcd.Where(k => k.Key.StartsWith(EtcdConflicts, StringComparison.Ordinal)).ToDictionary(k => k.Key[EtcdConflicts.Length..], k => k.Value, StringComparer.Ordinal);
        var inGit = final.GitFiles.Where(f => f.Key.StartsWith(GitConflicts, StringComparison.Ordinal) && f.Key.EndsWith(".json", StringComparison.Ordinal))
            .ToDictionary(f => f.Key[GitConflicts.Length..^".json".Length], f => f.Value, StringComparer.Ordinal);
        foreach (var only in inEtcd.Keys.Except(inGit.Keys)) problems.Add($"kept loser {only} is in etcd but not in the repository");
        foreach (var only in inGit.Keys.Except(inEtcd.Keys)) problems.Add($"kept loser {only} is in the repository but not in etcd");

        var kept = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (name, json) in inEtcd.Concat(inGit).DistinctBy(k => k.Key))
        {
            var path = name[..name.LastIndexOf('/')] + ".yaml";
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var value = root.GetProperty("value").ValueKind == JsonValueKind.String ? root.GetProperty("value").GetString() : null;
            var loser = ledger.Find(SoakRecords.MarkerOfJson(path, value));
            if (loser is null || loser.Path != path)
            {
                problems.Add($"kept loser {name} holds {value ?? "a deletion"}, which no writer wrote to {path}");
                continue;
            }

            (kept.TryGetValue(path, out var set) ? set : kept[path] = new HashSet<string>(StringComparer.Ordinal)).Add(loser.Marker);
            var winnerSha = root.GetProperty("winner").GetProperty("sha256").GetString()!;
            var winner = ledger.FindBySha(path, winnerSha);
            if (winner is null) problems.Add($"kept loser {name} ({loser.Marker}) names a winner {winnerSha[..16]} that no writer wrote to {path}");
            else if (ledger.PastOf(loser.Marker).Contains(winner.Marker)) problems.Add($"kept loser {loser.Marker} of {path} had seen its winner {winner.Marker}: a later write lost to an earlier one");
        }

        return kept;
    }

    private static bool IsRecord(string path) =>
        path == "network.yaml" ||
        path.EndsWith(".yaml", StringComparison.Ordinal) && (path.StartsWith("nodes/", StringComparison.Ordinal) || path.StartsWith("state/", StringComparison.Ordinal));
}
