using SigilGate.Domain.Apply;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Drift;

/// <summary>Reads a <see cref="SyncSnapshot"/>: the branch tip's tree, then every key under the prefix in one read.</summary>
public static class SyncSnapshotReader
{
    public static async Task<SyncSnapshot> ReadAsync(IRepositoryReader repository, IKeyValueStore store, KeyLayout keys, string branch, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var tipSha = repository.BranchTip(branch);
        var tip = tipSha is null ? null : repository.FindCommit(tipSha);
        var git = tip is null ? GitSide.Empty(branch) : GitSide.Of(branch, tip, repository.Snapshot(tip.Sha));

        var read = await store.GetPrefixAsync(keys.All, cancellationToken).ConfigureAwait(false);
        BookkeepingCheck.Verify(keys, read.Values);
        var etcd = read.ByKey();
        var pointerValue = etcd.GetValueOrDefault(keys.Applied);
        var pointer = pointerValue is null ? AppliedPointer.None : AppliedPointer.Read(pointerValue);
        var lag = ApplyLagReader.Read(repository, pointer, tip);
        return new SyncSnapshot(keys, git, etcd, read.Revision, lag, clock.GetUtcNow());
    }
}
