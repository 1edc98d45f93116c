using SigilGate.Domain.Apply;
using SigilGate.Domain.Records;
using SigilGate.Domain.Store;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Drift;

/// <summary>
/// Compares etcd with the branch tip. Pure: the same snapshot gives the same differences, listed
/// apply-pending first, then data keys by key, then kept conflict losers by key.
/// </summary>
public static class DriftComparison
{
    public static IReadOnlyList<Difference> Compare(SyncSnapshot snapshot)
    {
        var keys = snapshot.Keys;
        var git = snapshot.Git;
        var data = new List<Difference>();
        var recordsInEtcd = 0;
        foreach (var value in snapshot.Etcd.Values)
        {
            if (keys.SuffixOfData(value.Key) is not { } suffix) continue;
            var record = git.Records.GetValueOrDefault(suffix);
            if (record is not null) recordsInEtcd++;
            if (git.Unreadable.Contains(suffix)) continue;
            if (record?.Json == value.Value) continue;
            data.Add(Classify(snapshot, suffix, record is null ? DriftKind.OnlyInEtcd : DriftKind.ChangedInEtcd));
        }

        // Every record of Git's has its data key when as many of them were met: the usual case, with no set of 100,000 keys built.
        if (recordsInEtcd < git.Records.Count)
        {
            data.AddRange(git.Records.Keys.Where(s => !snapshot.Etcd.ContainsKey(keys.Data(s))).Select(s => Classify(snapshot, s, DriftKind.MissingInEtcd)));
        }

        var differences = new List<Difference>();
        if (snapshot.Lag.IsPending) differences.Add(ApplyPending(snapshot));
        differences.AddRange(data.OrderBy(d => d.Key, StringComparer.Ordinal));
        differences.AddRange(snapshot.Etcd.Values
            .Where(v => v.Key.StartsWith(keys.ConflictsRoot, StringComparison.Ordinal))
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => ConflictLoser(keys, v)));
        return differences;
    }

    /// <summary>
    /// A difference in a Core node's <c>state/&lt;core&gt;/</c> area whose etcd version has seen Git's is
    /// that node's change, not yet mirrored by its <c>sigil push</c>; anything else is drift of its own kind.
    /// </summary>
    private static Difference Classify(SyncSnapshot snapshot, string suffix, DriftKind kind)
    {
        var path = RecordPath.FromKeySuffix(suffix);
        var stored = snapshot.Stored(suffix);
        var covered = path is not null && snapshot.Lag.Covers(suffix);
        var etcdVersion = stored.CurrentVersion(path?.Core ?? Writers.Etcd, snapshot.Now);
        var gitVersion = snapshot.Git.Holds(suffix) || covered ? snapshot.Git.TipVersion(suffix) : null;

        if (path?.Core is { } core && etcdVersion is not null)
        {
            var seen = GitVersionSeen(snapshot, suffix, stored, covered);
            if (seen is null || HasSeen(etcdVersion, seen, covered))
            {
                kind = DriftKind.PendingNodeWrite;
                gitVersion = seen;
            }

            return new Difference(kind, snapshot.Keys.Data(suffix), path.Path, suffix)
            {
                GitVersion = gitVersion, EtcdVersion = etcdVersion, CoveredByPendingApply = covered, Core = kind == DriftKind.PendingNodeWrite ? core : null,
            };
        }

        return new Difference(kind, snapshot.Keys.Data(suffix), path?.Path, suffix) { GitVersion = gitVersion, EtcdVersion = etcdVersion, CoveredByPendingApply = covered };
    }

    /// <summary>
    /// The version of Git's side that etcd's must have seen for a node's change to be on top of it.
    /// Changed by a pending commit: what that apply brings (the tip's version). Otherwise Git's version
    /// was applied, and the version key etcd recorded then has seen it (apply writes only versions that
    /// have seen Git's). Null when Git holds no version at all: a node may create its state records.
    /// </summary>
    private static RecordVersion? GitVersionSeen(SyncSnapshot snapshot, string suffix, StoredRecord stored, bool covered)
    {
        if (covered) return snapshot.Git.TipVersion(suffix);
        if (!snapshot.Git.Holds(suffix)) return null;
        return stored.RecordedVersion ?? snapshot.Git.TipVersion(suffix);
    }

    /// <summary>
    /// Against a pending change, etcd's version must be strictly newer: an equal vector with other
    /// content is a conflict the apply will resolve. Against the version etcd recorded itself, equal
    /// counts: etcd's own value won a conflict there, and is the node's to mirror.
    /// </summary>
    private static bool HasSeen(RecordVersion etcd, RecordVersion git, bool covered) =>
        covered ? etcd.Vector.CompareTo(git.Vector) == Causality.Dominates : etcd.Vector.Covers(git.Vector);

    private static Difference ApplyPending(SyncSnapshot snapshot)
    {
        var lag = snapshot.Lag;
        return new Difference(DriftKind.ApplyPending, snapshot.Keys.Applied, null, snapshot.Git.Branch)
        {
            PendingCommit = lag.Pending[0].Sha,
            CommitsBehind = lag.Pending.Count,
        };
    }

    private static Difference ConflictLoser(KeyLayout keys, StoredValue kept)
    {
        var suffix = kept.Key[keys.ConflictsRoot.Length..];
        var record = ConflictRecord.Parse(kept);
        var (detected, source) = (record.Detected, record.Source);
        return new Difference(DriftKind.ConflictLoser, kept.Key, RecordPath.FromKeySuffix(keys.ConflictRecordSuffix(kept.Key))?.Path, suffix) { KnownSince = detected, Source = source };
    }
}
