using SigilGate.Domain.Git;
using SigilGate.Domain.Records;
using SigilGate.Domain.Store;

namespace SigilGate.Domain.Conflicts;

/// <summary>
/// One decision about one kept loser, as a commit records it: the trailer
/// <c>Sigil-Resolve: keep-winner|take-loser &lt;record path&gt; &lt;loser id&gt;</c>. The gate holds the
/// pusher to the policy for that record as for a change of it, and the apply of the commit removes
/// the kept loser from etcd, so a loser goes only with a decision in Git's history.
/// </summary>
/// <param name="LoserId">The 16 hex digits that name the kept loser (the last part of its key).</param>
public sealed record ConflictResolution(ResolutionChoice Choice, RecordPath Record, string LoserId)
{
    public const string Trailer = "Sigil-Resolve";

    public const string KeepWinnerName = "keep-winner";

    public const string TakeLoserName = "take-loser";

    public string ChoiceName => Choice == ResolutionChoice.KeepWinner ? KeepWinnerName : TakeLoserName;

    /// <summary>The kept loser's key in etcd.</summary>
    public string KeptKey(KeyLayout keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Conflict(Record.KeySuffix, LoserId);
    }

    /// <summary>The kept loser's copy in Git, which a Core node's push may have made.</summary>
    public string GitCopyPath => Record.KeptConflictPath(LoserId);

    public string TrailerLine => $"{Trailer}: {ChoiceName} {Record.Path} {LoserId}";

    /// <summary>Every decision a commit message records, and a problem for each trailer that does not read as one.</summary>
    public static (IReadOnlyList<ConflictResolution> Resolutions, IReadOnlyList<string> Problems) Read(string message)
    {
        var resolutions = new List<ConflictResolution>();
        var problems = new List<string>();
        foreach (var value in CommitTrailers.Values(message, Trailer))
        {
            if (Parse(value) is { } resolution) resolutions.Add(resolution);
            else problems.Add($"'{Trailer}: {value}' is not '{Trailer}: {KeepWinnerName}|{TakeLoserName} <record path> <16 hex digits>'");
        }

        return (resolutions, problems);
    }

    private static ConflictResolution? Parse(string value)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3) return null;
        ResolutionChoice? choice = parts[0] switch
        {
            KeepWinnerName => ResolutionChoice.KeepWinner,
            TakeLoserName => ResolutionChoice.TakeLoser,
            _ => null,
        };
        var record = RecordPath.Parse(parts[1]);
        return choice is { } known && record.IsSynced && IsLoserId(parts[2]) ? new ConflictResolution(known, record, parts[2]) : null;
    }

    public static bool IsLoserId(string text) =>
        text.Length == 16 && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
