using System.Security.Cryptography;
using System.Text;

namespace SigilGate.Domain.Records;

/// <summary>
/// A synced record as etcd holds it: its path and its canonical JSON (object keys sorted
/// ordinally, no whitespace), so that equal content always has equal bytes and equal hashes.
/// </summary>
public sealed record Record(RecordPath Path, string Json)
{
    // The hash is worked out when first asked for, then kept: drift over a network in sync compares
    // JSON only and never asks (hashing 100,000 records cost it about 100 ms). It follows from Json,
    // so equality leaves it out, and "with { Json = ... }" forgets it.
    private string? _sha256;

    public string Json { get; init { field = value; _sha256 = null; } } = Json;

    /// <summary>Lowercase hex SHA-256 of the UTF-8 bytes of <see cref="Json"/>.</summary>
    public string Sha256 => _sha256 ??= Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Json)));

    /// <summary>The etcd key: <c>/sigil</c> + <c>/</c> + <c>nodes/entry/e-7</c>.</summary>
    public string Key(string prefix) => prefix.TrimEnd('/') + "/" + Path.KeySuffix;

    public bool Equals(Record? other) =>
        other is not null && Path == other.Path && string.Equals(Json, other.Json, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Path, StringComparer.Ordinal.GetHashCode(Json));
}
