using SigilGate.Domain.Gate;

namespace SigilGate.Domain.Mirror;

/// <summary>
/// Reads what git printed for a push or fetch and tells a lost race from a permanent refusal. Only a
/// race is worth a rebase and another push; a refusal is reported at once, with the server's lines.
/// </summary>
public static class RemoteAnswer
{
    // Ways git and the servers in front of it say "this account may not": ssh (a key the server does
    // not know), gitolite ("DENIED by fallthru"), smart HTTP (401 and 403), and the server's own text.
    private static readonly string[] AccessDenied =
    [
        "Permission denied",
        "DENIED by",
        "DENIED to",
        "Authentication failed",
        "The requested URL returned error: 401",
        "The requested URL returned error: 403",
        "access denied",
        "Access denied",
    ];

    // What a ref update lost to another push says ('[rejected] ... (fetch first)', or the server's
    // ref lock taken by a push that landed while ours was being received).
    private static readonly string[] RaceReasons =
    [
        "fetch first",
        "non-fast-forward",
        "stale info",
        "failed to update ref",
        "cannot lock ref",
        "incorrect old value",
    ];

    /// <summary>The outcome of <c>git push --porcelain</c>, from its exit code and both of its streams.</summary>
    public static PushStatus OfPush(int exitCode, string standardOutput, string standardError)
    {
        if (exitCode == 0) return PushStatus.Accepted;
        var refused = standardOutput.Split('\n').Where(l => l.StartsWith("!\t", StringComparison.Ordinal)).ToList();
        if (refused.Count == 0) return IsAccessDenied(standardError) ? PushStatus.Refused : PushStatus.Failed;

        // The gate names a stale or conflicting version with the rebase hint: that is a race it asks us to redo.
        var all = standardOutput + "\n" + standardError;
        if (all.Contains(RebaseHint.Text, StringComparison.Ordinal)) return PushStatus.Rejected;
        return refused.All(line => RaceReasons.Any(reason => line.Contains(reason, StringComparison.Ordinal)))
            ? PushStatus.Rejected
            : PushStatus.Refused;
    }

    /// <summary>Whether a failed fetch, pull or push was the server refusing this account.</summary>
    public static bool IsAccessDenied(string standardError) =>
        AccessDenied.Any(text => standardError.Contains(text, StringComparison.Ordinal));
}
