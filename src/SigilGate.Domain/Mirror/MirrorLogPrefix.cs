using SigilGate.Domain.Drift;

namespace SigilGate.Domain.Mirror;

/// <summary>
/// What starts every line <c>sigil push</c> prints, instead of <c>sigil: </c>: the time (UTC) and
/// the node, as cron's mail and log files have no clock of their own and several nodes may log to one place.
/// </summary>
public static class MirrorLogPrefix
{
    /// <param name="node">Null until <c>--node</c> is read and valid (an argument error names no node).</param>
    public static string Of(DateTimeOffset now, string? node) =>
        $"{Timestamps.Format(now)} sigil push{(node is null ? "" : " " + node)}: ";
}
