using SigilGate.Domain.Validation;

namespace SigilGate.Workflows.Ports;

/// <summary>
/// Where pre-commit keeps the last staged tree that validated clean (<see cref="ValidatedTree"/>),
/// between commits. What it keeps is derived from the tree alone and names the rules it was judged
/// by: losing it costs one validation of the whole tree, never a wrong verdict.
/// </summary>
public interface IValidatedTreeStore
{
    /// <summary>The tree last kept, or null when there is none, it cannot be read whole, or other rules judged it.</summary>
    ValidatedTree? Load();

    /// <summary>Keeps <paramref name="tree"/> in place of the one kept, whole or not at all.</summary>
    void Save(ValidatedTree tree);
}
