namespace SigilGate.Domain.Access;

/// <summary>The rule of section 4 of the contract that decides whether an identity may change a path.</summary>
public enum AccessRule
{
    /// <summary>Listed in <c>roots</c>: may change anything.</summary>
    RootMayChangeAnything,

    /// <summary>Listed in <c>operators</c>: may change anything but <c>sigil.yaml</c>.</summary>
    OperatorMayChangeAllButPolicy,

    /// <summary>Listed in <c>operators</c>, and the path is <c>sigil.yaml</c>: only roots may change it.</summary>
    OnlyRootsMayChangePolicy,

    /// <summary>A Core node, and the path is in its own area <c>state/&lt;id&gt;/</c>.</summary>
    CoreNodeInOwnArea,

    /// <summary>A Core node, and the path is outside its own area.</summary>
    CoreNodeOutsideOwnArea,

    /// <summary>Neither a root, an operator nor a Core node: may change nothing.</summary>
    UnknownIdentity,
}
