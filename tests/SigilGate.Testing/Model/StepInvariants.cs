namespace SigilGate.Testing.Model;

/// <summary>
/// The invariants checked after every step. (a) Where Git is the truth (every record outside the
/// Core nodes' areas, and a state record nobody has written in etcd since its node's last clean
/// mirror), etcd's data key is the tip's record, exact JSON, and a record the tip lacks is not in
/// etcd. (d) Every data key holds a value some accepted tip held or someone wrote in etcd: never
/// the content of an intermediate commit.
/// </summary>
public sealed class StepInvariants(ModelWorld world, ModelLedger ledger)
{
    private readonly GitTree tree = new(world.Bare);
    private readonly Dictionary<string, HashSet<string>> tipValues = new(StringComparer.Ordinal);
    private readonly HashSet<string> tipsRead = new(StringComparer.Ordinal);
    private readonly NodeCommitScope scope = new(world.Bare);

    public GitTree Tree => tree;

    public async Task<List<ModelViolation>> CheckAsync()
    {
        var snapshot = await ModelSnapshot.ReadAsync(world, tree).ConfigureAwait(false);
        await LearnTipsAsync().ConfigureAwait(false);
        var problems = new List<ModelViolation>();
        foreach (var path in snapshot.TipRecords.Keys.Union(snapshot.EtcdRecords.Keys).Order(StringComparer.Ordinal))
        {
            var (tip, etcd) = (snapshot.AtTip(path).Json, snapshot.InEtcd(path).Json);
            if (tip != etcd && !ledger.Dirty.Contains(path))
            {
                problems.Add(new("a", $"{path}: etcd holds {etcd ?? "nothing"} but the tip {snapshot.Tip[..8]} holds {tip ?? "nothing"}, and nobody wrote it in etcd since Git last had it"));
            }

            if (etcd is not null && !(tipValues.GetValueOrDefault(path)?.Contains(etcd) ?? false) && !ledger.IsRawWrite(new(path, etcd)))
            {
                problems.Add(new("d", $"{path}: etcd holds {etcd}, which no tip of main ever held and nobody wrote in etcd{Origin(new(path, etcd))}"));
            }
        }

        problems.AddRange(await scope.CheckAsync().ConfigureAwait(false));
        return problems;
    }

    private string Origin(RecordValue value) =>
        ledger.Written.TryGetValue(value, out var who) ? $" (it is {who})" : " (an intermediate commit's content, or a value nobody wrote)";

    private async Task LearnTipsAsync()
    {
        foreach (var tip in await tree.TipsAsync().ConfigureAwait(false))
        {
            if (!tipsRead.Add(tip)) continue;
            foreach (var (path, json) in (await tree.ReadAsync(tip).ConfigureAwait(false)).Records)
            {
                (tipValues.TryGetValue(path, out var set) ? set : tipValues[path] = new HashSet<string>(StringComparer.Ordinal)).Add(json);
            }
        }
    }
}
