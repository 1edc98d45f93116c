using System.Security.Cryptography;
using System.Text;

namespace SigilGate.Domain.Records;

/// <summary>
/// A synced record as etcd holds it: its path and its canonical JSON (object keys sorted
/// ordinally, no whitespace), so that equal content always has equal bytes and equal hashes.
/// </summary>
public sealed record Record(RecordPath Path, string Json)
{
    // The hash is computed once, when Json is set, rather than cached lazily: a record's equality
    // covers all its fields. Initializers write backing fields directly, so construction sets the
    // hash from the parameter and the init accessor keeps it right for "with { Json = ... }".
    public string Json { get; init { field = value; Sha256 = Hash(value); } } = Json;

    /// <summary>Lowercase hex SHA-256 of the UTF-8 bytes of <see cref="Json"/>.</summary>
    public string Sha256 { get; private init; } = Hash(Json);

    /// <summary>The etcd key: <c>/sigil</c> + <c>/</c> + <c>nodes/entry/e-7</c>.</summary>
    public string Key(string prefix) => prefix.TrimEnd('/') + "/" + Path.KeySuffix;

    private static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
