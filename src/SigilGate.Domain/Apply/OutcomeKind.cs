namespace SigilGate.Domain.Apply;

/// <summary>What applying a record did.</summary>
public enum OutcomeKind
{
    /// <summary>etcd already held this version: nothing written (applying twice changes nothing).</summary>
    Unchanged,

    /// <summary>Only the version key was brought up to date (same content).</summary>
    VersionOnly,

    Put,

    Deleted,

    /// <summary>etcd holds a version that has seen Git's: Git's is obsolete and not written.</summary>
    EtcdNewer,

    /// <summary>Concurrent with a change in etcd; Git's version won, etcd's was kept.</summary>
    ConflictGitWon,

    /// <summary>Concurrent with a change in etcd; etcd's version won, Git's was kept.</summary>
    ConflictEtcdWon,
}
