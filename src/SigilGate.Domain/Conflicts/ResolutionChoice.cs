namespace SigilGate.Domain.Conflicts;

/// <summary>What a person decided about a kept conflict loser (<c>sigil conflicts resolve</c>).</summary>
public enum ResolutionChoice
{
    /// <summary>The record stays as etcd holds it; the kept loser is discarded.</summary>
    KeepWinner,

    /// <summary>The kept loser becomes the record; the version it lost to is discarded.</summary>
    TakeLoser,
}
