using SigilGate.Domain.Apply;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Drift;

/// <summary>Reads a <see cref="SyncSnapshot"/>: the branch tip's tree, and every key under the prefix in one read.</summary>
public static class SyncSnapshotReader
{
    /// <param name="known">
    /// Where the readings of the tip's record files are kept between runs: only files it has no reading of
    /// are read and parsed, and the tip's readings are kept again when they changed. Null: every file is read.
    /// </param>
    public static async Task<SyncSnapshot> ReadAsync(IRepositoryReader repository, IKeyValueStore store, KeyLayout keys, string branch, TimeProvider clock, CancellationToken cancellationToken = default, IKnownRecordStore? known = null)
    {
        var tipSha = repository.BranchTip(branch);

        // etcd is read while Git's side is read and parsed, on another thread; as before, the tip is fixed
        // first, so etcd is never read before it (an apply in between shows as a difference, never hides one).
        var etcdRead = Task.Run(() => store.GetPrefixAsync(keys.All, cancellationToken), cancellationToken);
        GitSide git;
        try
        {
            var tip = tipSha is null ? null : repository.FindCommit(tipSha);
            git = tip is null ? GitSide.Empty(branch) : ReadGit(repository, branch, tip, known);
        }
        catch
        {
            // Git's failure is the one reported, as when etcd was read after it; etcd's outcome no longer matters.
            _ = etcdRead.ContinueWith(t => t.Exception, TaskScheduler.Default);
            throw;
        }

        var read = await etcdRead.ConfigureAwait(false);
        BookkeepingCheck.Verify(keys, read.Values);
        var etcd = read.ByKey();
        var pointerValue = etcd.GetValueOrDefault(keys.Applied);
        var pointer = pointerValue is null ? AppliedPointer.None : AppliedPointer.Read(pointerValue);
        var lag = ApplyLagReader.Read(repository, pointer, git.Tip);
        return new SyncSnapshot(keys, git, etcd, read.Revision, lag, clock.GetUtcNow());
    }

    private static GitSide ReadGit(IRepositoryReader repository, string branch, Domain.Git.CommitInfo tip, IKnownRecordStore? known)
    {
        var tree = repository.Snapshot(tip.Sha);
        if (known is null) return GitSide.Of(branch, tip, tree);
        var (side, readings) = GitSide.Of(branch, tip, tree, known.Load());
        if (readings.Changed) known.Save(readings);
        return side;
    }
}
