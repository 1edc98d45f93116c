namespace SigilGate.Testing.Model;

/// <summary>
/// Invariant (b), checked once everything has settled: every value ever written and accepted is
/// still there (at the tip or in etcd), or was replaced by a write whose writer had seen it
/// (directly or through the writes it had seen), or is kept as a conflict loser (in etcd under
/// .sigil/conflicts/ or in Git's .sigil/conflicts/), or a kept loser had seen it.
/// </summary>
public static class WriteSurvival
{
    public static List<ModelViolation> Check(ModelLedger ledger, ModelSnapshot final)
    {
        var problems = new List<ModelViolation>();
        foreach (var (value, who) in ledger.Written)
        {
            var tip = final.AtTip(value.Path);
            var etcd = final.InEtcd(value.Path);
            if (tip == value || etcd == value || final.Kept.Contains(value)) continue;
            if (ledger.PastOf(tip).Contains(value) || ledger.PastOf(etcd).Contains(value)) continue;
            if (final.Kept.Any(k => k.Path == value.Path && ledger.PastOf(k).Contains(value))) continue;
            problems.Add(new("b", $"{value.Path}: the value {value.Json ?? "(deleted)"} ({who}) is lost: the tip holds {tip.Json ?? "nothing"}, etcd holds {etcd.Json ?? "nothing"}, " +
                "neither writer had seen it, and no kept conflict loser holds it"));
        }

        return problems;
    }
}
