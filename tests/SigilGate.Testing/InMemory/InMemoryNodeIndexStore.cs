using SigilGate.Domain.Validation;
using SigilGate.Workflows.Ports;

namespace SigilGate.Testing.InMemory;

/// <summary>Keeps the gate's node index in memory; specs read, replace or drop it between pushes.</summary>
public sealed class InMemoryNodeIndexStore : INodeIndexStore
{
    /// <summary>The index kept (null: none), as the next push will load it unless one is proposed for its tip.</summary>
    public NodeIndex? Kept { get; set; }

    /// <summary>The indexes of accepted pushes, by commit, until a push on top of one takes it up.</summary>
    public Dictionary<string, NodeIndex> Proposed { get; } = new(StringComparer.Ordinal);

    /// <summary>How many indexes were saved or proposed.</summary>
    public int Saves { get; private set; }

    public NodeIndex? Load(string tip)
    {
        if (Proposed.Remove(tip, out var proposed)) Kept = proposed;
        return Kept;
    }

    public void Save(NodeIndex index)
    {
        Kept = index;
        Saves++;
    }

    public void Propose(NodeIndex index)
    {
        Proposed[index.Commit] = index;
        Saves++;
    }

    /// <summary>The index the next push on top of <paramref name="commit"/> will start from, without taking it up.</summary>
    public NodeIndex? For(string commit) => Proposed.GetValueOrDefault(commit) ?? Kept;
}
