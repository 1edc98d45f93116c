namespace SigilGate.Workflows.Ports;

/// <summary>
/// Git could not do what a port was asked. The kinds: the repository could not be read
/// (<see cref="GitReadException"/>) or written (<see cref="GitWriteException"/>), or a git command
/// failed (<see cref="GitCommandException"/>). Each message names what failed and what to do about it:
/// the Git adapter translates every failure of LibGit2Sharp and of the git command line into one of
/// these, in one place, so no library type reaches the workflows or the commands.
/// </summary>
/// <remarks>
/// Two Git failures have types of their own in the domain, because the gate and the mirror decide by
/// them: a commit that cannot be parsed (<see cref="SigilGate.Domain.Git.UnreadableCommitException"/>)
/// and a remote that refuses this account (<see cref="SigilGate.Domain.Git.RemoteRefusedException"/>).
/// </remarks>
public abstract class GitException : Exception
{
    protected GitException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
