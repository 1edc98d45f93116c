using SigilGate.Domain.Mirror;

namespace SigilGate.Workflows.Ports;

/// <summary>Keeps the pusher's <see cref="MirrorState"/> between runs.</summary>
public interface IMirrorJournal
{
    MirrorState Load();

    void Save(MirrorState state);
}
