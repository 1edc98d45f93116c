using SigilGate.Domain.Diagnostics;

namespace SigilGate.Domain.Mirror;

/// <summary>What a run of the pusher did.</summary>
public sealed record MirrorReport(MirrorResult Result, long Revision, IReadOnlyList<MirrorOutcome> Outcomes, int Attempts)
{
    public IEnumerable<MirrorOutcome> Pushed => Outcomes.Where(o => o.ChangesGit);

    /// <summary>What the server said when it refused the push (<see cref="MirrorResult.Refused"/>).</summary>
    public string RemoteMessages { get; init; } = "";

    /// <summary>The commit the server accepted (<see cref="MirrorResult.Pushed"/>), else null.</summary>
    public string? Commit { get; init; }

    /// <summary>The commit message a dry run would have committed with (<see cref="MirrorResult.WouldPush"/>).</summary>
    public string? CommitMessage { get; init; }

    /// <summary>Conflicts this run decided, each keeping its losing version.</summary>
    public int KeptConflicts => Pushed.Count(o => o.Kind is MirrorOutcomeKind.ConflictEtcdWon or MirrorOutcomeKind.ConflictGitWon);

    public IEnumerable<Diagnostic> Problems => Outcomes.SelectMany(o => o.Problems ?? []);
}

public enum MirrorResult
{
    /// <summary>etcd's area has not changed since the last successful run.</summary>
    Idle,

    /// <summary>Read and compared; Git already held everything.</summary>
    NothingToPush,

    Pushed,

    /// <summary>Every attempt was rejected.</summary>
    GaveUp,

    /// <summary>The server refused the push for good (access, policy, validation): not retried.</summary>
    Refused,

    /// <summary>A dry run found records to commit; nothing was committed, pushed or written.</summary>
    WouldPush,
}
