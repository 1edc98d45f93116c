namespace SigilGate.Testing.Model;

/// <summary>
/// Invariant (b), checked once everything has settled: every value ever written and accepted is
/// still there (at the tip or in etcd), or was replaced by a write whose writer had seen it
/// (directly or through the writes it had seen), or is kept as a conflict loser (in etcd under
/// .sigil/conflicts/ or in Git's .sigil/conflicts/), or a kept loser had seen it, or a person
/// discarded it (or a value that had seen it) with <c>sigil conflicts resolve</c>.
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

            // Gone by a person's recorded decision (sigil conflicts resolve), with what it had replaced.
            if (ledger.Discarded.Contains(value) || ledger.Discarded.Any(d => d.Path == value.Path && ledger.PastOf(d).Contains(value))) continue;
            problems.Add(new("b", $"{value.Path}: the value {value.Json ?? "(deleted)"} ({who}) is lost: the tip holds {tip.Json ?? "nothing"}, etcd holds {etcd.Json ?? "nothing"}, " +
                "neither writer had seen it, and no kept conflict loser holds it"));
        }

        return problems;
    }
}
