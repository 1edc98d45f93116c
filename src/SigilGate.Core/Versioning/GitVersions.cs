using SigilGate.Core.Records;

namespace SigilGate.Core.Versioning;

/// <summary>
/// The version Git gives a record at a commit. When the record's sidecar describes exactly this
/// content (same SHA-256), that is its version: a Core node's push carries its own. Otherwise the
/// record was changed in Git by hand, and the change bumps the <c>git</c> writer's counter to at
/// least the commit time in seconds: a pure function of the tree and the commit, so recovery from
/// Git alone yields the same vectors, and two hand edits in turn still order.
/// </summary>
public static class GitVersions
{
    public static RecordVersion Of(string? contentSha256, VersionSidecar? sidecar, DateTimeOffset commitTime)
    {
        var sha = contentSha256 ?? RecordVersion.DeletedSha256;
        if (Vouches(sidecar, contentSha256)) return sidecar!.Version;

        var seen = sidecar?.Version.Vector ?? VersionVector.Empty;
        return new RecordVersion(seen.Bump(Writers.Git, commitTime.ToUnixTimeSeconds()), Writers.Git, commitTime.ToUniversalTime(), sha);
    }

    /// <summary>True when the sidecar describes exactly this content (null: the record is deleted): its version is the record's.</summary>
    public static bool Vouches(VersionSidecar? sidecar, string? contentSha256) =>
        sidecar is not null && sidecar.Version.Sha256 == (contentSha256 ?? RecordVersion.DeletedSha256);

    /// <summary>
    /// The version of a change made on top of <paramref name="before"/>. The commit-time counter
    /// cannot tell two hand edits within one second apart; a change always moves past what it
    /// replaced, so the result has seen <paramref name="before"/> and is one more by <c>git</c>.
    /// Versions a Core node's push carries (vouched by their sidecar) are kept as they are.
    /// </summary>
    public static RecordVersion After(RecordVersion before, RecordVersion now)
    {
        if (now.Writer != Writers.Git || now.Sha256 == before.Sha256) return now;
        return now.Vector.CompareTo(before.Vector) == Causality.Dominates
            ? now
            : now with { Vector = now.Vector.Merge(before.Vector).Bump(Writers.Git) };
    }
}
