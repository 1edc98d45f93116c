namespace SigilGate.Domain.Validation;

/// <summary>A <see cref="INodeTable"/> held in memory, by path.</summary>
internal sealed class NodeTable(IReadOnlyDictionary<string, NodeFacts> nodes) : INodeTable
{
    public IEnumerable<KeyValuePair<string, NodeFacts>> Nodes => nodes;

    public NodeFacts? Find(string path) => nodes.GetValueOrDefault(path);

    public IEnumerable<string> Holding(IReadOnlySet<string> addresses, IReadOnlySet<string> cores)
    {
        foreach (var (path, facts) in nodes)
        {
            if ((facts.Address is { } address && addresses.Contains(address)) || (facts.Core is { } core && cores.Contains(core))) yield return path;
        }
    }
}
