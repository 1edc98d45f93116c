namespace SigilGate.Testing.Model;

/// <summary>
/// The final settle: every node's pusher, then the server's catch-up, round after round until a
/// round changes neither the branch nor etcd and every run exits 0 (bounded: a system that never
/// settles is a finding).
/// </summary>
public static class ModelSettle
{
    public const int MaxRounds = 6;

    public static async Task<ModelViolation?> SettleAsync(ModelContext model, GitTree tree)
    {
        string? failed = null;
        for (var round = 1; round <= MaxRounds; round++)
        {
            var tip = await tree.TipAsync().ConfigureAwait(false);
            var (_, revision) = await model.World.ReadEtcdAsync().ConfigureAwait(false);
            var clean = true;
            for (var node = 0; node < ModelRecords.Cores.Length; node++)
            {
                var push = await model.Nodes.PushAsync(node).ConfigureAwait(false);
                if (push.ExitCode == 0) continue;
                clean = false;
                failed = $"sigil push --node {ModelRecords.Cores[node]} exits {push.ExitCode}: {FirstError(push.StandardError)}";
            }

            var apply = await model.Nodes.ApplyAsync().ConfigureAwait(false);
            if (apply.ExitCode != 0) (clean, failed) = (false, $"sigil apply exits {apply.ExitCode}: {FirstError(apply.StandardError)}");
            var still = tip == await tree.TipAsync().ConfigureAwait(false) && revision == (await model.World.ReadEtcdAsync().ConfigureAwait(false)).Revision;
            if (clean && still) return null;
        }

        return new ModelViolation("settle", failed is null
            ? $"etcd and Git still changed after {MaxRounds} rounds of sigil push and sigil apply"
            : $"after {MaxRounds} rounds of sigil push and sigil apply a run still fails: {failed}");
    }

    private static string FirstError(string standardError)
    {
        var lines = standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" | ", lines.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.StartsWith("fatal", StringComparison.Ordinal)).DefaultIfEmpty(lines.LastOrDefault() ?? "").Take(3));
    }
}
