namespace SigilGate.Domain.Drift;

/// <summary>How etcd differs from the branch tip. The names <see cref="DriftKinds"/> gives them are a contract.</summary>
public enum DriftKind
{
    /// <summary>The <c>.sigil/applied</c> pointer is behind the branch tip.</summary>
    ApplyPending,

    /// <summary>etcd holds another value than Git, and etcd's version has not seen Git's (or the key is Git's alone to write).</summary>
    ChangedInEtcd,

    /// <summary>Git has the record, etcd does not.</summary>
    MissingInEtcd,

    /// <summary>etcd has a data key Git does not.</summary>
    OnlyInEtcd,

    /// <summary>A Core node's change in its <c>state/&lt;core&gt;/</c> area that has seen Git's version: waiting for that node's <c>sigil push</c>.</summary>
    PendingNodeWrite,

    /// <summary>A losing version kept under <c>.sigil/conflicts/</c>, waiting for a person.</summary>
    ConflictLoser,
}
