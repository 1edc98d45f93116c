namespace SigilGate.Domain.Mirror;

/// <summary>A change to one file of the clone: new content, or deletion when <see cref="Content"/> is null.</summary>
public sealed record FileChange(string Path, string? Content);
