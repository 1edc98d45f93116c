namespace SigilGate.Domain.Validation;

/// <summary>
/// The facts of a tree's nodes as a store keeps them, asked without reading them all into memory:
/// at 100,000 nodes, making 100,000 objects costs a push more than the push's own checks.
/// </summary>
public interface INodeTable
{
    NodeFacts? Find(string path);

    /// <summary>The node paths whose address is one of <paramref name="addresses"/> or whose Core is one of <paramref name="cores"/>.</summary>
    IEnumerable<string> Holding(IReadOnlySet<string> addresses, IReadOnlySet<string> cores);

    /// <summary>Every node path with its facts (in no particular order).</summary>
    IEnumerable<KeyValuePair<string, NodeFacts>> Nodes { get; }
}
