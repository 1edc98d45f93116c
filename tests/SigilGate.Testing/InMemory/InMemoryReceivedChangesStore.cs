using SigilGate.Workflows.Handover;

namespace SigilGate.Testing.InMemory;

/// <summary>Keeps what the gate hands over to the apply in memory; specs read, replace or drop it between the two.</summary>
public sealed class InMemoryReceivedChangesStore : IReceivedChangesStore
{
    /// <summary>The changes kept (null: none), as post-receive will load them.</summary>
    public ReceivedChanges? Kept { get; set; }

    public int Saves { get; private set; }

    public ReceivedChanges? Load(string oldSha, string newSha) => Kept is { } kept && kept.Old == oldSha && kept.New == newSha ? kept : null;

    public void Save(ReceivedChanges changes)
    {
        Kept = changes;
        Saves++;
    }
}
