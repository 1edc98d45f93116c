namespace SigilGate.Domain.Mirror;

/// <summary>What a mirrored outcome does to its file in Git, as the pusher reports it.</summary>
public enum MirrorChange
{
    /// <summary>Git held no file for it: a new record, one recreated after a deletion, or a kept loser copied in.</summary>
    Created,

    Updated,

    Deleted,
}
