using System.Security.Cryptography;
using System.Text;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Store;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Apply;

/// <summary>
/// A record as etcd holds it: the data key and the version key. The suite writes both in one
/// transaction, so they share a mod revision; a data key whose mod revision differs from its
/// version key's was written by someone else (a node agent, etcdctl) since the suite last did.
/// </summary>
public sealed record StoredRecord(StoredValue? Data, StoredValue? Meta)
{
    /// <summary>The version etcd recorded; a <see cref="Bookkeeping.BookkeepingException"/> naming the version key when it is damaged.</summary>
    public RecordVersion? RecordedVersion => Meta is null ? null : VersionJson.Parse(Meta.Key, Meta.Value);

    public string? DataSha256 => Data is null ? null : Sha256Of(Data.Value);

    /// <summary>True when etcd holds exactly what its version key describes.</summary>
    public bool IsInSync
    {
        get
        {
            var recorded = RecordedVersion;
            if (recorded is null) return Data is null;
            if (Data is null) return recorded.IsDeletion;
            return Data.ModRevision == Meta!.ModRevision || DataSha256 == recorded.Sha256;
        }
    }

    /// <summary>
    /// The version of what etcd holds now. A write made outside the suite is a change by
    /// <paramref name="rawWriter"/> on top of the last recorded version, seen at <paramref name="now"/>
    /// (etcd keeps no wall-clock time for keys). Null when etcd holds nothing and never did.
    /// </summary>
    /// <remarks>
    /// The raw writer's counter moves to at least the data key's mod revision. Successive raw
    /// writes to one record, each replacing the one before in etcd, are then ordered: the later
    /// has seen the earlier, even when the suite recorded no version between them. Counting
    /// "recorded plus one" would give them all the same vector and make them look concurrent, so
    /// an earlier write noticed later (each side dates a raw write when it sees it) could beat a
    /// newer one. Every side reads the same mod revision, so every side makes the same guess.
    /// </remarks>
    public RecordVersion? CurrentVersion(string rawWriter, DateTimeOffset now)
    {
        var recorded = RecordedVersion;
        if (IsInSync) return recorded;
        var seen = recorded?.Vector ?? VersionVector.Empty;
        return new RecordVersion(seen.Bump(rawWriter, Data?.ModRevision ?? 0), rawWriter, now, DataSha256 ?? RecordVersion.DeletedSha256);
    }

    public static string Sha256Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
