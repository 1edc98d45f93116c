namespace SigilGate.Core.Mirror;

/// <summary>How a <c>git push</c> ended: accepted, rejected by the remote (non-fast-forward, pre-receive), or failed.</summary>
public sealed record PushOutcome(PushStatus Status, string Messages);

public enum PushStatus
{
    Accepted,
    Rejected,
    Failed,
}
