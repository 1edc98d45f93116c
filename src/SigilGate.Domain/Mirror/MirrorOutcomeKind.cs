namespace SigilGate.Domain.Mirror;

/// <summary>What mirroring one record of a node's area did.</summary>
public enum MirrorOutcomeKind
{
    /// <summary>Git already holds what etcd holds.</summary>
    Unchanged,

    /// <summary>etcd's version replaces Git's.</summary>
    Mirrored,

    /// <summary>The record was deleted in etcd, and the deletion is mirrored.</summary>
    Deleted,

    /// <summary>Git holds a version etcd has not seen yet (an apply is pending): Git is left alone.</summary>
    GitNewer,

    /// <summary>Concurrent changes; etcd's won and is mirrored, Git's is kept.</summary>
    ConflictEtcdWon,

    /// <summary>Concurrent changes; Git's won, and its version now records that it has seen etcd's, which is kept.</summary>
    ConflictGitWon,

    /// <summary>A conflict loser etcd keeps for this area, copied into the repository for people to find.</summary>
    KeptLoser,

    /// <summary>etcd holds a value that is not a valid record: reported, not mirrored.</summary>
    Invalid,
}
