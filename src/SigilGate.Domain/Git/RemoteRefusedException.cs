namespace SigilGate.Domain.Git;

/// <summary>
/// The remote refused this account for good (an unknown ssh key, a wrong password, no access):
/// trying again in a moment would be refused again, so the run stops and shows what the server said.
/// </summary>
public sealed class RemoteRefusedException(string action, string serverMessages)
    : Exception($"the remote refused {action}: {serverMessages.Trim()}")
{
    public string ServerMessages { get; } = serverMessages;
}
