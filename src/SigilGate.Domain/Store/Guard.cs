namespace SigilGate.Domain.Store;

/// <summary>
/// A compare of a transaction: the key's mod revision must still be the one read
/// (0 = the key must not exist), so a write made since the read is never overwritten.
/// </summary>
public sealed record Guard(string Key, long ModRevision)
{
    public int Size => System.Text.Encoding.UTF8.GetByteCount(Key) + 16;
}
