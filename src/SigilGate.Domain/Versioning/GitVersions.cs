namespace SigilGate.Domain.Versioning;

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
    /// Git's version of a record its sidecar does not vouch for, read beside the version etcd
    /// recorded for it. When etcd recorded one Git gave the record (written by <c>git</c>) for other
    /// content, Git has changed the record since, so the change has seen it (<see cref="After"/>), as
    /// the apply counts it: two hand edits within one second get the same commit-time counter, and
    /// dated alone the second would pass for the first, already seen by a node that wrote on top of it.
    /// Any other recorded version may be content Git never held (the winner of a conflict resolved
    /// in etcd) and says nothing of order.
    /// </summary>
    /// <param name="dated">The version dated by the commit that last changed the record (<see cref="Of"/>).</param>
    public static RecordVersion Beside(RecordVersion? recorded, RecordVersion dated)
    {
        if (recorded is null) return dated;
        if (recorded.Sha256 == dated.Sha256) return recorded;
        return recorded.Writer == Writers.Git ? After(recorded, dated) : dated;
    }

    /// <summary>
    /// The version of a change made on top of <paramref name="before"/>: it has seen what it replaced.
    /// A version that already has (a Core node's push, whose sidecar moved on) is kept as it is, and
    /// so is a node's version concurrent with it (a conflict, resolved where it meets etcd).
    /// Otherwise the change is Git's, whatever its sidecar says: a hand edit within the second of the
    /// last one (the commit-time counter cannot tell them apart), or a revert or cherry-pick that
    /// brought back an older record with the older sidecar that <paramref name="before"/> has seen. Taken at its word, that sidecar would
    /// make the change look older than what it replaced, and it would be dropped; as a change by
    /// <c>git</c> that has seen <paramref name="before"/>, it replaces it.
    /// </summary>
    /// <param name="changedAt">When Git made the change (its commit's time); null: the time <paramref name="now"/> carries.</param>
    /// <param name="broughtBack">
    /// Whether Git held this very version of the record before <paramref name="before"/> (asked only of a
    /// node's version concurrent with it). <paramref name="before"/>, read from its tree alone, may not
    /// show what it had seen: a revert that dropped the node's sidecar leaves a record dated by its
    /// commit. A revert of that revert, or a cherry-pick of the node's commit, then brings back a version
    /// that was seen already: it is Git's change, not the node's.
    /// </param>
    public static RecordVersion After(RecordVersion before, RecordVersion now, Func<DateTimeOffset>? changedAt = null, Func<bool>? broughtBack = null)
    {
        if (now.Sha256 == before.Sha256) return now;
        var order = now.Vector.CompareTo(before.Vector);
        if (order == Causality.Dominates) return now;

        // A node's version concurrent with Git's is a real conflict, resolved where it meets etcd.
        if (order == Causality.Concurrent && now.Writer != Writers.Git && broughtBack?.Invoke() != true) return now;
        var seen = now.Vector.Merge(before.Vector);
        if (now.Writer == Writers.Git) return now with { Vector = seen.Bump(Writers.Git) };

        // An old version brought back: Git's change now, dated by the commit that made it.
        var time = (changedAt?.Invoke() ?? now.Time).ToUniversalTime();
        return new RecordVersion(seen.Bump(Writers.Git, time.ToUnixTimeSeconds()), Writers.Git, time, now.Sha256);
    }
}
