namespace SigilGate.Testing.Soak;

/// <summary>
/// One write the soak made to one record. <see cref="Marker"/> is unique to the write and part of
/// its content (the state record's <c>grpc_path</c>, the entry's address port), so the write can be
/// recognised wherever it ends up: as a record's value, in Git's history, or as a kept loser.
/// <see cref="Seen"/> is the write it replaced as its writer read it, <see cref="Prior"/> the same
/// writer's previous write to the record: together they are the test's own account of causality.
/// </summary>
public sealed record SoakWrite(string Marker, string Path, string Writer, string Json, string? Seen, string? Prior, double At)
{
    /// <summary>A write whose outcome its writer could not learn (etcd timed out): it may or may not have happened.</summary>
    public bool Uncertain { get; init; }

    /// <summary>SHA-256 of the JSON, as the suite names a version's content (and a kept loser's file).</summary>
    public string Sha256 { get; } = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Json)));
}
