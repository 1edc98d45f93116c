using System.Text.Json;
using System.Text.RegularExpressions;

namespace SigilGate.Testing.Model;

/// <summary>
/// After a violation: for each record it names (a few at most), the branch's recent history of
/// the record, its version file and kept copies, with the apply receipts, and the losers etcd
/// keeps for it: where to start looking for the defect.
/// </summary>
public static partial class ModelDiagnosis
{
    public static async Task WriteAsync(ModelWorld world, IEnumerable<ModelViolation> violations, ModelLog log)
    {
        var paths = violations.SelectMany(v => RecordPath().Matches(v.Explanation).Select(m => m.Value)).Distinct(StringComparer.Ordinal).Take(3).ToList();
        if (paths.Count == 0) return;
        var (keys, _) = await world.ReadEtcdAsync().ConfigureAwait(false);
        foreach (var path in paths)
        {
            var stem = path[..^".yaml".Length];
            var history = await world.Bare.GitAsync("log", "--notes=sigil", "--format=  %h %ad %an: %s%n%N", "--date=format:%H:%M:%S", "-n", "12", "main", "--",
                path, ".sigil/versions/" + path, ".sigil/conflicts/" + stem).ConfigureAwait(false);
            var lines = history.StandardOutput.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal) || l.StartsWith("conflict ", StringComparison.Ordinal));
            log.Line($"history of {path} on main (newest first; receipts' conflict lines below their commit):\n{string.Join("\n", lines)}");
            var kept = keys.Where(k => k.Key.StartsWith($"{ModelRecords.Prefix}/.sigil/conflicts/{stem}/", StringComparison.Ordinal)).Select(k => "  " + Loser(k.Value)).ToList();
            log.Line($"losers etcd keeps for {path}: {(kept.Count == 0 ? "none" : "\n" + string.Join("\n", kept))}");
        }
    }

    private static string Loser(string document)
    {
        try
        {
            using var json = JsonDocument.Parse(document);
            var root = json.RootElement;
            return $"{root.GetProperty("value")} from {root.GetProperty("source")}";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException)
        {
            return document;
        }
    }

    [GeneratedRegex(@"(state/[a-z0-9-]+/entries|nodes/entry|nodes/core)/[a-z0-9-]+\.yaml|network\.yaml")]
    private static partial Regex RecordPath();
}
