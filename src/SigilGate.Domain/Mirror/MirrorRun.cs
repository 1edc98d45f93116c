namespace SigilGate.Domain.Mirror;

/// <summary>One run of <c>sigil push</c> as its metrics and JSON tell it: the node, when it started, how long it took, what it did (null when it failed).</summary>
public sealed record MirrorRun(string Node, DateTimeOffset StartedAt, TimeSpan Duration, MirrorReport? Report)
{
    /// <summary>The run's result as the metrics and JSON name it; "error" when the run failed.</summary>
    public string ResultName => Report is null ? "error" : MirrorResults.Name(Report.Result);

    /// <summary>Exit 0: pushed, idle or nothing to push, and no record skipped as invalid.</summary>
    public bool Succeeded => Report is { Result: MirrorResult.Pushed or MirrorResult.Idle or MirrorResult.NothingToPush } report && !report.Problems.Any();
}
