namespace SigilGate.Testing.Soak;

/// <summary>
/// Totals of a run. <see cref="Synced"/>: writes that reached both sides, i.e. that some commit
/// of the branch holds as the record's content (node writes start in etcd; operator writes are
/// applied commit by commit) and that did not end as a kept loser.
/// </summary>
public sealed record SoakCounts(int Writes, int Uncertain, int Synced, int KeptLosers, int Lost);
