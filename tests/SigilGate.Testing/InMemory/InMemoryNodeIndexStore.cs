using SigilGate.Domain.Validation;
using SigilGate.Workflows.Ports;

namespace SigilGate.Testing.InMemory;

/// <summary>Keeps the gate's node index in memory; specs read, replace or drop it between pushes.</summary>
public sealed class InMemoryNodeIndexStore : INodeIndexStore
{
    /// <summary>The index kept (null: none), as the next push will load it.</summary>
    public NodeIndex? Kept { get; set; }

    public int Saves { get; private set; }

    public NodeIndex? Load() => Kept;

    public void Save(NodeIndex index)
    {
        Kept = index;
        Saves++;
    }
}
