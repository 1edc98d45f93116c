using SigilGate.Domain.Diagnostics;

namespace SigilGate.Domain.Yaml;

/// <summary>
/// A node of a parsed record file, with the position of its first character so that every
/// problem can be reported at the offending value.
/// </summary>
public abstract class YamlNode(Mark start)
{
    public Mark Start { get; } = start;

    /// <summary>
    /// The node was already reported (an alias, a tag, nesting too deep). Schema checks skip it
    /// so that one mistake yields one message.
    /// </summary>
    public bool IsRejected { get; init; }

    /// <summary>How the node reads in a message: <c>'yes'</c>, <c>a list</c>, <c>a mapping</c>.</summary>
    public abstract string Describe();
}
