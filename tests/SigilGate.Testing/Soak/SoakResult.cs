namespace SigilGate.Testing.Soak;

/// <summary>What a soak run found: its problems (empty when every promise held), totals and timings.</summary>
public sealed record SoakResult(
    SoakOptions Options,
    IReadOnlyList<string> Problems,
    SoakCounts Counts,
    TimeSpan RunTime,
    TimeSpan QuiescenceTime,
    int? QuiescenceRounds,
    int SigilRuns,
    int SigilKills,
    int MemberKills,
    int AgentCollisions)
{
    /// <summary>Writes that reached both sides per second of the run (quiescence not counted).</summary>
    public double SyncedPerSecond => Counts.Synced / RunTime.TotalSeconds;

    public string Summary =>
        $"soak {Options}: {Counts.Writes} writes ({Counts.Uncertain} of unknown outcome), {Counts.Synced} reached both sides " +
        $"({SyncedPerSecond:0.00}/s over {RunTime.TotalSeconds:0} s), {Counts.KeptLosers} kept losers, {Counts.Lost} lost; " +
        $"{SigilRuns} sigil runs ({SigilKills} killed), {MemberKills} etcd member kills, {AgentCollisions} agent writes retracted on a changed key; " +
        $"quiet after {(QuiescenceRounds is { } r ? $"{r} rounds" : "NEVER")} in {QuiescenceTime.TotalSeconds:0} s; {Problems.Count} problems";
}
