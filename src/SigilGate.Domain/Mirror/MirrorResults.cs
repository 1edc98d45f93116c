namespace SigilGate.Domain.Mirror;

/// <summary>The names of a run's results in <c>sigil push</c>'s metrics and JSON.</summary>
public static class MirrorResults
{
    /// <summary>Every value of the <c>result</c> label a metrics file lists (a dry run writes no metrics file).</summary>
    public static IReadOnlyList<string> MetricNames { get; } = ["pushed", "idle", "nothing", "gave-up", "refused", "error"];

    public static string Name(MirrorResult result) => result switch
    {
        MirrorResult.Pushed => "pushed",
        MirrorResult.Idle => "idle",
        MirrorResult.NothingToPush => "nothing",
        MirrorResult.GaveUp => "gave-up",
        MirrorResult.Refused => "refused",
        _ => "would-push",
    };
}
