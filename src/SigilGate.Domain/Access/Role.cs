namespace SigilGate.Domain.Access;

/// <summary>What an identity may change, per section 4 of the contract.</summary>
public enum Role
{
    /// <summary>Not known to the policy: may change nothing.</summary>
    None,

    /// <summary>A Core node (a file <c>nodes/core/&lt;id&gt;.yaml</c> exists): only <c>state/&lt;id&gt;/</c>.</summary>
    CoreNode,

    /// <summary>Listed in <c>operators</c>: anything but <c>sigil.yaml</c>.</summary>
    Operator,

    /// <summary>Listed in <c>roots</c>: anything.</summary>
    Root,
}
