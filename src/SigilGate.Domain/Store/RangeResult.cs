namespace SigilGate.Domain.Store;

/// <summary>The keys read by one request, and the store revision the read saw.</summary>
public sealed record RangeResult(IReadOnlyList<StoredValue> Values, long Revision)
{
    public IReadOnlyDictionary<string, StoredValue> ByKey() =>
        Values.ToDictionary(v => v.Key, StringComparer.Ordinal);
}
