using SigilGate.Domain.Mirror;

namespace SigilGate.Workflows.Ports;

/// <summary>
/// Records a person's decision on the protected branch of the server's own bare repository: writes
/// a commit on top of a given tip, then offers it to the branch as a push would, so that the
/// repository's hooks judge and apply it (as <paramref name="identity"/>, for the policy) like any
/// other change.
/// </summary>
/// <remarks>
/// Failures: <see cref="GitWriteException"/> when the commit cannot be written,
/// <see cref="GitCommandException"/> when git cannot be run. A push the hooks refuse, or that lost
/// the branch to another push, is no failure: it is a <see cref="PushOutcome"/>.
/// </remarks>
public interface IDecisionCommitter
{
    /// <summary>Writes the commit (no ref moves); returns its id.</summary>
    string WriteCommit(string parentSha, IReadOnlyList<FileChange> changes, string message, string identity, DateTimeOffset time);

    /// <summary>Pushes the commit to the protected branch through the repository's hooks; the outcome carries what they printed.</summary>
    Task<PushOutcome> OfferAsync(string commitSha, string identity, CancellationToken cancellationToken = default);
}
