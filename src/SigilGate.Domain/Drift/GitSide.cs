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

    public static GitSide Of(string branch, CommitInfo tip, TreeSnapshot tree) => Of(branch, tip, tree, KnownRecords.None).Side;

    /// <summary>
    /// Reads the tip's tree, reading again only the record files <paramref name="known"/> has no reading
    /// of (a file is read on its own: <see cref="TreeValidator.Read"/>). Also gives the readings of this
    /// tree's record files, to keep for the next run.
    /// </summary>
    public static (GitSide Side, KnownRecords Known) Of(string branch, CommitInfo tip, TreeSnapshot tree, KnownRecords known)
    {
        // In path order, as a whole read gives them: records are listed in that order.
        var files = tree.Files.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => (File: f, Path: RecordPath.Parse(f.Path))).ToArray();
        var kept = files.Select(f => f.Path.IsSynced ? known.Of(f.File) : null).ToArray();
        var result = TreeValidator.Read(new TreeSnapshot(files.Where((_, i) => kept[i] is null).Select(f => f.File)));

        var records = new Dictionary<string, Record>(StringComparer.Ordinal);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        var readings = new Dictionary<string, KnownRecord>(StringComparer.Ordinal);
        var reread = 0;
        for (var i = 0; i < files.Length; i++)
        {
            var (file, path) = files[i];
            if (!path.IsSynced) continue;
            var reading = kept[i];
            if (reading is null)
            {
                reread++;
                reading = new KnownRecord(file.Mode, file.ObjectId, result.Records.GetValueOrDefault(path.Path)?.Json);
            }

            readings[path.Path] = reading;
            if (reading.Json is null) unreadable.Add(path.KeySuffix);
            else records[path.KeySuffix] = kept[i] is null ? result.Records[path.Path] : new Record(path, reading.Json);
        }

        var sidecars = new Dictionary<string, VersionSidecar>(StringComparer.Ordinal);
        foreach (var sidecar in result.Sidecars.Values)
        {
            if (RecordPath.Parse(sidecar.RecordPath) is { IsSynced: true } target) sidecars[target.KeySuffix] = sidecar;
        }

        var side = new GitSide(branch, tip, records, sidecars, unreadable);
        return (side, new KnownRecords(readings) { Changed = reread > 0 || readings.Count != known.Count });
    }

    /// <summary>Git has the record, or a sidecar (a deleted record's tombstone) for it.</summary>
    public bool Holds(string suffix) => Records.ContainsKey(suffix) || Sidecars.ContainsKey(suffix);

    /// <summary>The version Git gives the record at the tip (<see cref="GitVersions.Of"/>); a deletion's when Git lacks it.</summary>
    public RecordVersion TipVersion(string suffix) =>
        GitVersions.Of(Records.GetValueOrDefault(suffix)?.Sha256, Sidecars.GetValueOrDefault(suffix), Tip?.CommitterTime ?? DateTimeOffset.UnixEpoch);
}
