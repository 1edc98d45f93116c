using SigilGate.Domain.Validation;

namespace SigilGate.Workflows.Ports;

/// <summary>
/// Where pre-receive keeps the <see cref="NodeIndex"/> of the last tree it judged, between pushes.
/// What it keeps is derived from Git alone: losing it costs one rebuild from the tree, never a
/// wrong verdict.
/// </summary>
public interface INodeIndexStore
{
    /// <summary>The index last kept, or null when there is none or it cannot be read whole (missing, truncated, corrupt).</summary>
    NodeIndex? Load();

    /// <summary>Keeps <paramref name="index"/> in place of the one kept, whole or not at all (several pushes may save at once).</summary>
    void Save(NodeIndex index);
}
