using SigilGate.Domain.Git;
using SigilGate.Domain.Mirror;

namespace SigilGate.Workflows.Ports;

/// <summary>A Core node's working clone, driven through the git command line (so ssh keys and credential helpers work).</summary>
/// <remarks>
/// Failures: <see cref="GitCommandException"/> when a git command fails or cannot start (the message
/// says which, in which clone, and what to do); <see cref="RemoteRefusedException"/> when the remote
/// refuses this account for good; <see cref="GitReadException"/> when the clone's objects cannot be read.
/// A refused push is no failure: it is a <see cref="PushOutcome"/>.
/// </remarks>
public interface IWorkingClone
{
    /// <summary>Fetches and moves the clone to the remote branch tip, discarding local commits (they are always derived from etcd).</summary>
    Task SyncToRemoteAsync(CancellationToken cancellationToken = default);

    /// <summary>Opens the clone's objects for reading (a fresh view after each sync).</summary>
    IRepositoryReader Open();

    string Head();

    Task WriteAsync(IReadOnlyList<FileChange> changes, CancellationToken cancellationToken = default);

    Task CommitAsync(string message, CancellationToken cancellationToken = default);

    /// <summary>Pushes HEAD to the remote branch; the outcome carries the remote's messages.</summary>
    Task<PushOutcome> PushAsync(string identity, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>git pull --rebase</c>; false when it stopped on a conflict (the rebase aborted) or when the new
    /// tip changed a file the node's commit changes (git would have merged the two line by line): the
    /// decisions are then made again on the new tip.
    /// </summary>
    Task<bool> PullRebaseAsync(CancellationToken cancellationToken = default);
}
