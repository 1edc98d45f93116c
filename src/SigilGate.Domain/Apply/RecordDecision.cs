using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Records;
using SigilGate.Domain.Store;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Apply;

/// <summary>
/// Decides, for one record, how Git's version meets what etcd holds. Pure: the same inputs give
/// the same writes, which is what makes an interrupted apply safe to run again.
/// </summary>
public static class RecordDecision
{
    public static RecordOutcome Decide(RecordTarget target, StoredRecord stored, KeyLayout keys, string commitSha, DateTimeOffset now)
    {
        var suffix = target.Path.KeySuffix;
        var guards = new[] { new Guard(keys.Data(suffix), stored.Data?.ModRevision ?? 0), new Guard(keys.Version(suffix), stored.Meta?.ModRevision ?? 0) };
        var etcd = stored.CurrentVersion(RawWriter(target), now);

        // etcd holds exactly what Git had before this commit: the change is made on top of that
        // version (whatever the apply recorded for it), never beside it.
        if (target.BaseSha256 is { } baseSha && stored.IsInSync && stored.RecordedVersion is { } recorded && recorded.Sha256 == baseSha)
        {
            target = target with { Version = GitVersions.After(recorded, target.Version) };
        }

        var git = target.Version;

        if (etcd is null)
        {
            return target.IsDeletion
                ? new RecordOutcome(target, OutcomeKind.Unchanged, [], [])
                : new RecordOutcome(target, OutcomeKind.Put, guards, Write(target.Json, git, keys, suffix));
        }

        if (etcd.Sha256 == git.Sha256)
        {
            // Same content on both sides: at most the version key has to learn what both have seen.
            var merged = git with { Vector = git.Vector.Merge(etcd.Vector) };
            if (stored.IsInSync && merged.Vector.Equals(stored.RecordedVersion?.Vector)) return new RecordOutcome(target, OutcomeKind.Unchanged, [], [], etcd);
            var sameContent = Write(stored.Data?.Value, merged, keys, suffix);
            return new RecordOutcome(target, OutcomeKind.VersionOnly, guards, sameContent, etcd);
        }

        switch (git.Vector.CompareTo(etcd.Vector))
        {
            case Causality.Dominates when target.TakenByDecision || !IsUnseenRawWrite(target, stored, etcd):
                return new RecordOutcome(target, target.IsDeletion ? OutcomeKind.Deleted : OutcomeKind.Put, guards, Write(target.Json, git, keys, suffix), etcd);
            case Causality.Equal when stored.IsInSync && git.Writer == Writers.Git && etcd.Writer == Writers.Git:
                // Two hand edits in Git within one second get the same counter (it moves by commit
                // time). etcd holds what an earlier commit of this branch put there untouched since,
                // and commits are applied in history order: the later commit replaces it.
                return new RecordOutcome(target, target.IsDeletion ? OutcomeKind.Deleted : OutcomeKind.Put, guards, Write(target.Json, git, keys, suffix), etcd);
            case Causality.DominatedBy when HasHeld(stored, git):
                // etcd has seen Git's version already (a node wrote on top of it): nothing to lose.
                return new RecordOutcome(target, OutcomeKind.EtcdNewer, [], [], etcd);
        }

        return Resolve(target, stored, etcd, keys, guards, commitSha, now);
    }

    /// <summary>
    /// Concurrent versions: the contract's rule picks the winner; the result has seen both (and
    /// more than the loser, see <see cref="ConflictRule.Resolved"/>), and the loser is kept under
    /// <c>.sigil/conflicts/</c>.
    /// </summary>
    private static RecordOutcome Resolve(RecordTarget target, StoredRecord stored, RecordVersion etcd, KeyLayout keys, Guard[] guards, string commitSha, DateTimeOffset now)
    {
        var suffix = target.Path.KeySuffix;
        var git = target.Version;
        var gitWins = ConflictRule.Winner(git, etcd) == git;
        var (winner, loser) = gitWins ? (git, etcd) : (etcd, git);
        var (winnerValue, loserValue) = gitWins ? (target.Json, stored.Data?.Value) : (stored.Data?.Value, target.Json);
        var resolved = ConflictRule.Resolved(winner, loser);

        var keptAt = keys.Conflict(suffix, loser.Sha256);
        var source = gitWins ? "etcd" : $"git commit {commitSha}";
        var kept = new ConflictRecord(keys.Data(suffix), loserValue, loser, resolved, source, now);
        var mutations = Write(winnerValue, resolved, keys, suffix).Append(new PutMutation(keptAt, kept.ToJson())).ToList();
        return new RecordOutcome(target, gitWins ? OutcomeKind.ConflictGitWon : OutcomeKind.ConflictEtcdWon, guards, mutations, etcd, keptAt);
    }

    // Data and version key are always written together, so they share a mod revision.
    private static List<Mutation> Write(string? json, RecordVersion version, KeyLayout keys, string suffix) =>
    [
        json is null ? new DeleteMutation(keys.Data(suffix)) : new PutMutation(keys.Data(suffix), json),
        new PutMutation(keys.Version(suffix), VersionJson.Write(version)),
    ];

    /// <summary>
    /// A value written behind the suite's back gets a guessed vector: the recorded one plus one by
    /// the area's owner, the same guess for every such write until the suite next records a version.
    /// A Git version covering the guess may have seen an earlier one of those writes (a node's push
    /// that read etcd before the agent wrote again), so it has seen this value only if Git held
    /// exactly this content just before the commit; otherwise the two are concurrent, and the value
    /// must be resolved (and kept if it loses), never overwritten.
    /// </summary>
    private static bool IsUnseenRawWrite(RecordTarget target, StoredRecord stored, RecordVersion etcd)
    {
        if (stored.IsInSync) return false;
        var content = stored.Data is { } data && RecordJson.Parse(target.Path, data.Value).Record is { } record ? record.Sha256 : etcd.Sha256;
        return content != target.BaseSha256;
    }

    /// <summary>
    /// Whether etcd's vector covering Git's can be believed: a node's version carries its own
    /// counters, but Git's hand edits count in commit seconds, and two edits within one second get
    /// the same counter. When the first lost a conflict, etcd's resolved version has counted it, and
    /// the second would pass as seen although etcd never held it. etcd has seen a Git edit only if
    /// it recorded exactly that content (a node then wrote on top of it); otherwise the two are
    /// concurrent and resolved, and the loser is kept.
    /// </summary>
    private static bool HasHeld(StoredRecord stored, RecordVersion git) =>
        git.Writer != Writers.Git || stored.RecordedVersion?.Sha256 == git.Sha256;

    /// <summary>Who made a write found in etcd without a version: the Core node that owns the area, else <c>etcd</c>.</summary>
    public static string RawWriter(RecordTarget target) => RawWriter(target.Path);

    /// <inheritdoc cref="RawWriter(RecordTarget)"/>
    public static string RawWriter(RecordPath path) => path.Core ?? Writers.Etcd;
}
