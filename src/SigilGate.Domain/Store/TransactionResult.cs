namespace SigilGate.Domain.Store;

/// <summary>Whether the guards held (and the writes happened), and the store revision after the request.</summary>
public sealed record TransactionResult(bool Succeeded, long Revision);
