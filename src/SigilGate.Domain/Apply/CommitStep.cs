using SigilGate.Domain.Git;

namespace SigilGate.Domain.Apply;

/// <summary>One unit of apply: bring etcd from <see cref="BaseSha"/> (null = empty) to <see cref="Commit"/>.</summary>
public sealed record CommitStep(string? BaseSha, CommitInfo Commit);
