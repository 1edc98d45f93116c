using SigilGate.Domain.Mirror;
using SigilGate.Workflows.Mirror;

namespace SigilGate.Workflows.Ports;

/// <summary>Keeps the pusher's <see cref="PushState"/> between runs.</summary>
public interface IPushJournal
{
    PushState Load();

    void Save(PushState state);
}
