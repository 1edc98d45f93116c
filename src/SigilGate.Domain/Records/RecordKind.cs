namespace SigilGate.Domain.Records;

/// <summary>What a path of the network repository is, per the repository layout of the contract.</summary>
public enum RecordKind
{
    /// <summary>A file the suite neither validates nor syncs (README, docs).</summary>
    Other,

    /// <summary><c>sigil.yaml</c>: policy; validated, never synced.</summary>
    Policy,

    /// <summary><c>network.yaml</c>.</summary>
    Network,

    /// <summary><c>nodes/core/&lt;id&gt;.yaml</c>.</summary>
    CoreNode,

    /// <summary><c>nodes/entry/&lt;id&gt;.yaml</c>.</summary>
    EntryNode,

    /// <summary><c>state/&lt;core&gt;/entries/&lt;entry&gt;.yaml</c>.</summary>
    EntryState,

    /// <summary><c>.sigil/versions/&lt;record path&gt;</c>: the version of a record, kept in Git.</summary>
    VersionSidecar,

    /// <summary><c>.sigil/conflicts/&lt;key suffix&gt;/&lt;sha16&gt;.json</c>: a losing version kept in Git, for a person to find.</summary>
    KeptConflict,

    /// <summary>A file in a managed folder (<c>nodes/</c>, <c>state/</c>, <c>.sigil/</c>) that is not a record: an error.</summary>
    Misplaced,
}
