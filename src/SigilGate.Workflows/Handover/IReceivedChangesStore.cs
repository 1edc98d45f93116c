namespace SigilGate.Workflows.Handover;

/// <summary>The port where pre-receive leaves the <see cref="ReceivedChanges"/> of the update it accepted, for post-receive.</summary>
public interface IReceivedChangesStore
{
    /// <summary>The changes kept for exactly <paramref name="oldSha"/>..<paramref name="newSha"/>, or null (none kept, kept for another update, or not intact).</summary>
    ReceivedChanges? Load(string oldSha, string newSha);

    /// <summary>Keeps <paramref name="changes"/> in place of any kept before; a store that cannot write keeps nothing and does not fail.</summary>
    void Save(ReceivedChanges changes);
}
