using SigilGate.Domain.Apply;
using SigilGate.Domain.Conflicts;
using SigilGate.Domain.Mirror;
using SigilGate.Domain.Records;
using SigilGate.Domain.Store;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Versioning;
using SigilGate.Workflows.Apply;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Conflicts;

/// <summary>
/// <c>sigil conflicts resolve</c>: turns a person's decision about a record's kept losers into a
/// commit on the protected branch and offers it through the repository's own hooks. The gate holds
/// the person to the policy for that record, and the apply writes the record and removes the losers
/// from etcd; nothing here writes etcd. A push that lost the branch to another is made again on the
/// new tip.
/// </summary>
public sealed class ConflictResolver(IRepositoryReader repository, IDecisionCommitter committer, IKeyValueStore store, KeyLayout keys, string branch, TimeProvider clock)
{
    private const int MaxAttempts = 3;

    /// <exception cref="ArgumentException">PATH is not a record, or the loser cannot be chosen or taken.</exception>
    /// <exception cref="NoKeptConflictException">The record has no kept loser.</exception>
    public async Task<ResolutionResult> ResolveAsync(string recordPath, ResolutionChoice choice, string? loserId, string identity, CancellationToken cancellationToken = default)
    {
        var record = RecordPath.Parse(recordPath);
        if (!record.IsSynced) throw new ArgumentException($"{recordPath} is not a record path such as state/core-1/entries/e-2.yaml or nodes/entry/e-7.yaml");

        for (var attempt = 1; ; attempt++)
        {
            var tipSha = repository.BranchTip(branch) ?? throw new InvalidOperationException($"branch {branch} does not exist in the repository");
            var (kept, stored, applied) = await ReadStoreAsync(record, cancellationToken).ConfigureAwait(false);
            if (kept.Count == 0) throw new NoKeptConflictException($"no kept conflict for {record.Path} ('sigil conflicts list --repo BARE' lists those kept)");
            CheckNothingPending(record, kept, applied, tipSha);

            var now = clock.GetUtcNow();
            var plan = ResolutionPlan.Decide(record, choice, loserId, kept, stored, ReadTip(record, tipSha, kept, stored), identity, now);
            var commit = committer.WriteCommit(tipSha, plan.Changes, plan.Message, identity, now);
            var outcome = await committer.OfferAsync(commit, identity, cancellationToken).ConfigureAwait(false);
            if (outcome.Status == PushStatus.Rejected && attempt < MaxAttempts) continue;

            var stillKept = outcome.Status == PushStatus.Accepted ? await StillKeptAsync(plan, cancellationToken).ConfigureAwait(false) : [];
            return new ResolutionResult(plan, commit, outcome, stillKept);
        }
    }

    /// <summary>The record's kept losers, its data and version keys and the applied pointer, in one consistent read.</summary>
    private async Task<(IReadOnlyList<KeptConflict> Kept, StoredRecord Stored, AppliedPointer Applied)> ReadStoreAsync(RecordPath record, CancellationToken cancellationToken)
    {
        // Data, version and pointer keys are matched exactly (a prefix read of e-2 also finds e-20).
        var losers = keys.ConflictsOf(record.KeySuffix);
        var dataKey = keys.Data(record.KeySuffix);
        var versionKey = keys.Version(record.KeySuffix);
        var read = await store.GetPrefixesAsync([losers, dataKey, versionKey, keys.Applied], cancellationToken).ConfigureAwait(false);
        var kept = read.Values.Where(v => v.Key.StartsWith(losers, StringComparison.Ordinal)).Select(v => KeptConflict.From(keys, v)).ToList();
        var byKey = read.ByKey();
        var applied = byKey.GetValueOrDefault(keys.Applied) is { } pointer ? AppliedPointer.Read(pointer) : AppliedPointer.None;
        return (kept, new StoredRecord(byKey.GetValueOrDefault(dataKey), byKey.GetValueOrDefault(versionKey)), applied);
    }

    /// <summary>
    /// A decision is made over what etcd holds, so nothing about the record may wait between the
    /// applied commit and the tip: a change of it not yet applied would be overwritten by the
    /// decision and meet nothing, and a decision already recorded would be made twice.
    /// </summary>
    private void CheckNothingPending(RecordPath record, IReadOnlyList<KeptConflict> kept, AppliedPointer applied, string tipSha)
    {
        if (applied.Commit is not { } appliedSha || appliedSha == tipSha || repository.FindCommit(appliedSha) is null) return;
        var pending = repository.CommitsBetween(appliedSha, tipSha);
        var ids = kept.Select(k => k.LoserId).ToHashSet(StringComparer.Ordinal);
        if (pending.FirstOrDefault(c => ConflictResolution.Read(c.Message).Resolutions.Any(r => r.Record.Path == record.Path && ids.Contains(r.LoserId))) is { } decided)
        {
            throw new PendingApplyException($"{record.Path} was decided already in commit {decided.ShortSha}, which etcd has not applied yet: 'sigil apply --repo BARE' applies it");
        }

        var changed = repository.ChangedPaths(appliedSha, tipSha);
        if (changed.Contains(record.Path) || changed.Contains(record.SidecarPath))
        {
            throw new PendingApplyException($"Git has a change of {record.Path} that etcd has not applied yet (since commit {appliedSha[..7]}): run 'sigil apply --repo BARE' first, then decide");
        }
    }

    private ResolutionTip ReadTip(RecordPath record, string tipSha, IReadOnlyList<KeptConflict> kept, StoredRecord stored)
    {
        var copies = kept.Select(k => record.KeptConflictPath(k.LoserId)).ToList();
        var files = repository.Files(tipSha, [record.Path, record.SidecarPath, .. copies]);
        var parsed = TreeValidator.Read(files);
        var content = parsed.Records.GetValueOrDefault(record.Path);
        var sidecar = parsed.Sidecars.GetValueOrDefault(record.Path);
        RecordVersion? version = null;
        if (content is not null || sidecar is not null)
        {
            var tip = repository.FindCommit(tipSha) ?? throw new InvalidOperationException($"commit {tipSha} not found");
            version = TipVersion.Of(repository, tip, record.Path, content?.Sha256, sidecar, stored.RecordedVersion);
        }

        return new ResolutionTip(content, version, copies.Where(files.Contains).ToHashSet(StringComparer.Ordinal));
    }

    private async Task<IReadOnlyList<string>> StillKeptAsync(ResolutionPlan plan, CancellationToken cancellationToken)
    {
        var keptKeys = plan.Resolutions.Select(r => r.KeptKey(keys)).ToList();
        try
        {
            var read = await store.GetManyAsync(keptKeys, cancellationToken).ConfigureAwait(false);
            return read.Values.Select(v => v.Key).ToList();
        }
        catch (StoreException)
        {
            // The decision is in Git already: an etcd that cannot say is one that has not applied it yet.
            return keptKeys;
        }
    }
}
