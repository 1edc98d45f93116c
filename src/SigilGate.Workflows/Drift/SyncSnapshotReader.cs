using SigilGate.Domain.Apply;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Git;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Drift;

/// <summary>Reads a <see cref="SyncSnapshot"/>: the branch tip's tree, and every key under the prefix in one read.</summary>
public static class SyncSnapshotReader
{
    // At most this many files are read and parsed while etcd is read: tens of milliseconds of work.
    private const int ReadBesideEtcd = 1000;

    /// <param name="known">
    /// Where the readings of the tip's record files are kept between runs: only files it has no reading of
    /// are read and parsed, and the tip's readings are kept again when they changed. Null: every file is read.
    /// </param>
    public static async Task<SyncSnapshot> ReadAsync(IRepositoryReader repository, IKeyValueStore store, KeyLayout keys, string branch, TimeProvider clock, CancellationToken cancellationToken = default, IKnownRecordStore? known = null)
    {
        var tipSha = repository.BranchTip(branch);

        // etcd is read while Git's side is, on another thread; as before, the tip is fixed first, so etcd
        // is never read before it (an apply in between shows as a difference, never hides one).
        var etcdRead = Task.Run(() => store.GetPrefixAsync(keys.All, cancellationToken), cancellationToken);
        GitSide git;
        try
        {
            var tip = tipSha is null ? null : repository.FindCommit(tipSha);
            git = tip is null ? GitSide.Empty(branch) : await ReadGitAsync(repository, branch, tip, known, etcdRead).ConfigureAwait(false);
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

    private static async Task<GitSide> ReadGitAsync(IRepositoryReader repository, string branch, CommitInfo tip, IKnownRecordStore? known, Task<RangeResult> etcdRead)
    {
        var tree = repository.Snapshot(tip.Sha);
        var readings = known?.Load() ?? KnownRecords.None;

        // Parsing many files takes every core for seconds (100,000 files: about 4 s on two cores): done
        // beside the etcd read, it could make that read miss its deadline. It waits for the read instead
        // (its outcome is looked at later, after Git's, as ever).
        if (readings.Unknown(tree) > ReadBesideEtcd) await Task.WhenAny(etcdRead).ConfigureAwait(false);
        if (known is null) return GitSide.Of(branch, tip, tree);
        var (side, kept) = GitSide.Of(branch, tip, tree, readings);
        if (kept.Changed) known.Save(kept);
        return side;
    }
}
