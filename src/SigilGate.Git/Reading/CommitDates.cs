namespace SigilGate.Git;

/// <summary>
/// The committer dates the suite accepts: from 1970 to 9999. Commit times become version counters
/// (Unix seconds) and etcd timestamps; a date outside that range is a forged or broken commit,
/// and is rejected naming it, rather than counted as a negative or enormous number.
/// </summary>
internal static class CommitDates
{
    public static DateTimeOffset Bounded(DateTimeOffset when) => when >= DateTimeOffset.UnixEpoch
        ? when
        : throw new ArgumentOutOfRangeException(nameof(when), when, "before 1970");

    /// <summary>What a reader's failure on a commit's header means, for the message.</summary>
    public static string Problem(Exception exception) => exception switch
    {
        ArgumentOutOfRangeException { ParamName: "when" } => "its committer date is before 1970-01-01 (dates must be from 1970 to 9999)",
        ArgumentException or OverflowException => "its author or committer date is out of range or broken (dates must be from 1970 to 9999, with a zone of at most ±14:00)",
        _ => SigilGate.Domain.Yaml.MessageText.OneLine(exception.Message),
    };
}
