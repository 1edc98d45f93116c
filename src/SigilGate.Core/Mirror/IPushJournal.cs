namespace SigilGate.Core.Mirror;

/// <summary>Keeps the pusher's <see cref="PushState"/> between runs.</summary>
public interface IPushJournal
{
    PushState Load();

    void Save(PushState state);
}
