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
        for (var round = 1; round <= MaxRounds; round++)
        {
            var tip = await tree.TipAsync().ConfigureAwait(false);
            var (_, revision) = await model.World.ReadEtcdAsync().ConfigureAwait(false);
            var clean = true;
            for (var node = 0; node < ModelRecords.Cores.Length; node++)
            {
                clean &= (await model.Nodes.PushAsync(node).ConfigureAwait(false)).ExitCode == 0;
            }

            clean &= (await model.Nodes.ApplyAsync().ConfigureAwait(false)).ExitCode == 0;
            var still = tip == await tree.TipAsync().ConfigureAwait(false) && revision == (await model.World.ReadEtcdAsync().ConfigureAwait(false)).Revision;
            if (clean && still) return null;
        }

        return new ModelViolation("settle", $"etcd and Git did not settle within {MaxRounds} rounds of sigil push and sigil apply (or a run did not exit 0)");
    }
}
