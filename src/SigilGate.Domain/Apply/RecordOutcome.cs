using SigilGate.Domain.Store;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Apply;

/// <summary>The decision for one record: the writes it needs, guarded by what was read.</summary>
public sealed record RecordOutcome(
    RecordTarget Target,
    OutcomeKind Kind,
    IReadOnlyList<Guard> Guards,
    IReadOnlyList<Mutation> Mutations,
    RecordVersion? EtcdVersion = null,
    string? KeptAt = null)
{
    public bool IsConflict => Kind is OutcomeKind.ConflictGitWon or OutcomeKind.ConflictEtcdWon;
}
