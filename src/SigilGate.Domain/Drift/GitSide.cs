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
        // In no particular order: every caller looks records up by key, or sorts what it lists.
        var files = tree.Files.Select(f => (File: f, Path: RecordPath.Parse(f.Path))).ToArray();
        var kept = files.Select(f => f.Path.IsSynced ? known.Of(f.File) : null).ToArray();
        var result = TreeValidator.Read(new TreeSnapshot(files.Where((_, i) => kept[i] is null).Select(f => f.File)));

        var records = new Dictionary<string, Record>(files.Length, StringComparer.Ordinal);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        var synced = 0;
        var reread = new List<(string Path, KnownRecord Reading)>();
        for (var i = 0; i < files.Length; i++)
        {
            var (file, path) = files[i];
            if (!path.IsSynced) continue;
            synced++;
            var reading = kept[i];
            Record? record;
            if (reading is null)
            {
                record = result.Records.GetValueOrDefault(path.Path);
                reread.Add((path.Path, new KnownRecord(file.Mode, file.ObjectId, record?.Json)));
            }
            else
            {
                record = reading.Json is null ? null : new Record(path, reading.Json);
            }

            if (record is null) unreadable.Add(path.KeySuffix);
            else records[path.KeySuffix] = record;
        }

        var sidecars = new Dictionary<string, VersionSidecar>(StringComparer.Ordinal);
        foreach (var sidecar in result.Sidecars.Values)
        {
            if (RecordPath.Parse(sidecar.RecordPath) is { IsSynced: true } target) sidecars[target.KeySuffix] = sidecar;
        }

        var side = new GitSide(branch, tip, records, sidecars, unreadable);

        // Every record file of the tree was known, and nothing else was: what is kept stays as it is.
        if (reread.Count == 0 && synced == known.Count) return (side, new KnownRecords(known.ByPath));
        var readings = new Dictionary<string, KnownRecord>(synced, StringComparer.Ordinal);
        for (var i = 0; i < files.Length; i++)
        {
            if (kept[i] is { } reading) readings[files[i].File.Path] = reading;
        }

        foreach (var (path, reading) in reread) readings[path] = reading;
        return (side, new KnownRecords(readings) { Changed = true });
    }

    /// <summary>Git has the record, or a sidecar (a deleted record's tombstone) for it.</summary>
    public bool Holds(string suffix) => Records.ContainsKey(suffix) || Sidecars.ContainsKey(suffix);

    /// <summary>The version Git gives the record at the tip (<see cref="GitVersions.Of"/>); a deletion's when Git lacks it.</summary>
    public RecordVersion TipVersion(string suffix) =>
        GitVersions.Of(Records.GetValueOrDefault(suffix)?.Sha256, Sidecars.GetValueOrDefault(suffix), Tip?.CommitterTime ?? DateTimeOffset.UnixEpoch);
}
