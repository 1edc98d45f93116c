namespace SigilGate.Domain.Mirror;

/// <summary>How a <c>git push</c> ended, with the remote's messages.</summary>
public sealed record PushOutcome(PushStatus Status, string Messages);

public enum PushStatus
{
    Accepted,

    /// <summary>Lost a race: someone pushed first, or the gate saw a stale version. A rebase and a new push can land.</summary>
    Rejected,

    /// <summary>
    /// Refused for good: the server does not let this identity in (a wrong key or password) or the gate
    /// rejects the change itself (policy, validation). Pushing again after a rebase would be refused again.
    /// </summary>
    Refused,

    /// <summary>The push did not reach a verdict (the network, a broken clone).</summary>
    Failed,
}
