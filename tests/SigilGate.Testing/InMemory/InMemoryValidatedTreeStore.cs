using SigilGate.Domain.Validation;
using SigilGate.Workflows.Ports;

namespace SigilGate.Testing.InMemory;

/// <summary>Keeps pre-commit's last validated tree in memory; specs read, replace or drop it between commits.</summary>
public sealed class InMemoryValidatedTreeStore : IValidatedTreeStore
{
    /// <summary>The tree kept (null: none), as the next check will load it.</summary>
    public ValidatedTree? Kept { get; set; }

    /// <summary>How many checks found a tree kept.</summary>
    public int Found { get; private set; }

    public ValidatedTree? Load()
    {
        if (Kept is not null) Found++;
        return Kept;
    }

    public void Save(ValidatedTree tree) => Kept = tree;
}
