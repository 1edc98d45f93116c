namespace SigilGate.Domain.Git;

/// <summary>
/// A commit object exists but cannot be parsed (no author line, a garbled signature): what
/// <c>git commit</c> never writes but <c>git hash-object --literally</c> can.
/// </summary>
public sealed class UnreadableCommitException(string sha, string reason, Exception? inner = null)
    : Exception($"commit {sha[..Math.Min(7, sha.Length)]} cannot be read: {reason}", inner)
{
    public string Sha { get; } = sha;
}
