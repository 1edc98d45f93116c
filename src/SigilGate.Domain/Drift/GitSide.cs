using SigilGate.Domain.Git;
using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Drift;

/// <summary>
/// What the branch tip says etcd should hold: its records and their version sidecars, by key
/// suffix (<c>nodes/entry/e-7</c>). Record files that do not validate are <see cref="Unreadable"/>:
/// neither compared nor reconciled, as apply never writes what does not parse.
/// </summary>
public sealed record GitSide(
    string Branch,
    CommitInfo? Tip,
    IReadOnlyDictionary<string, Record> Records,
    IReadOnlyDictionary<string, VersionSidecar> Sidecars,
    IReadOnlySet<string> Unreadable)
{
    public static GitSide Empty(string branch) =>
        new(branch, null, new Dictionary<string, Record>(), new Dictionary<string, VersionSidecar>(), new HashSet<string>());

    public static GitSide Of(string branch, CommitInfo tip, TreeSnapshot tree)
    {
        var result = TreeValidator.Read(tree);
        var records = result.Records.Values.ToDictionary(r => r.Path.KeySuffix, StringComparer.Ordinal);
        var sidecars = new Dictionary<string, VersionSidecar>(StringComparer.Ordinal);
        foreach (var sidecar in result.Sidecars.Values)
        {
            if (RecordPath.Parse(sidecar.RecordPath) is { IsSynced: true } path) sidecars[path.KeySuffix] = sidecar;
        }

        var unreadable = tree.Files
            .Select(f => RecordPath.Parse(f.Path))
            .Where(p => p.IsSynced && !result.Records.ContainsKey(p.Path))
            .Select(p => p.KeySuffix)
            .ToHashSet(StringComparer.Ordinal);
        return new GitSide(branch, tip, records, sidecars, unreadable);
    }

    /// <summary>Git has the record, or a sidecar (a deleted record's tombstone) for it.</summary>
    public bool Holds(string suffix) => Records.ContainsKey(suffix) || Sidecars.ContainsKey(suffix);

    /// <summary>The version Git gives the record at the tip (<see cref="GitVersions.Of"/>); a deletion's when Git lacks it.</summary>
    public RecordVersion TipVersion(string suffix) =>
        GitVersions.Of(Records.GetValueOrDefault(suffix)?.Sha256, Sidecars.GetValueOrDefault(suffix), Tip?.CommitterTime ?? DateTimeOffset.UnixEpoch);
}
