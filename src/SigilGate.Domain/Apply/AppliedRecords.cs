using SigilGate.Domain.Store;

namespace SigilGate.Domain.Apply;

/// <summary>
/// What a step did to its records, kept small enough to hold for a whole network: the data keys it
/// put and deleted, and its conflicts in full. The values written are not kept (they are in etcd),
/// so an apply of 200,000 records holds 200,000 key names here, not 200,000 records.
/// </summary>
public sealed class AppliedRecords(KeyLayout keys)
{
    private readonly List<string> put = [];
    private readonly List<string> deleted = [];
    private readonly List<RecordOutcome> conflicts = [];
    private readonly List<string> skipped = [];

    /// <summary>The data keys written with a record's content (Git's side of a conflict it won included).</summary>
    public IReadOnlyList<string> Put => put;

    /// <summary>The data keys deleted (Git's deletion that won a conflict included).</summary>
    public IReadOnlyList<string> Deleted => deleted;

    /// <summary>Concurrent changes, each with both versions and where the losing value is kept.</summary>
    public IReadOnlyList<RecordOutcome> Conflicts => conflicts;

    /// <summary>Changed files that do not parse, left out (only a commit that bypassed pre-receive has any).</summary>
    public IReadOnlyList<string> Skipped => skipped;

    public static AppliedRecords Of(KeyLayout keys, IEnumerable<RecordOutcome> outcomes, IEnumerable<string>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var records = new AppliedRecords(keys);
        foreach (var outcome in outcomes) records.Add(outcome);
        records.Skip(skipped ?? []);
        return records;
    }

    public void Skip(IEnumerable<string> paths) => skipped.AddRange(paths);

    public void Add(RecordOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.IsConflict) conflicts.Add(outcome);
        var gitWritten = outcome.Kind is OutcomeKind.ConflictGitWon;
        if (outcome.Kind is OutcomeKind.Put || gitWritten && !outcome.Target.IsDeletion) put.Add(keys.Data(outcome.Target.Path.KeySuffix));
        if (outcome.Kind is OutcomeKind.Deleted || gitWritten && outcome.Target.IsDeletion) deleted.Add(keys.Data(outcome.Target.Path.KeySuffix));
    }
}
