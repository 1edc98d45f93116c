using SigilGate.Domain.Validation;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Gate;

/// <summary>Keeps nothing: a gate without a store rebuilds the index from the tip's tree for each push.</summary>
internal sealed class NoNodeIndexStore : INodeIndexStore
{
    public NodeIndex? Load(string tip) => null;

    public void Save(NodeIndex index)
    {
    }

    public void Propose(NodeIndex index)
    {
    }
}
