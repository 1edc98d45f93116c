using SigilGate.Domain.Mirror;
using SigilGate.Workflows.Ports;

namespace SigilGate.Testing.InMemory;

/// <summary>The mirror's journal in memory, counting its saves.</summary>
public sealed class InMemoryMirrorJournal : IMirrorJournal
{
    public MirrorState State { get; private set; } = MirrorState.Empty;

    public int Saves { get; private set; }

    public MirrorState Load() => State;

    public void Save(MirrorState state)
    {
        State = state;
        Saves++;
    }
}
