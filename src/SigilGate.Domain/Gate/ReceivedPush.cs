using SigilGate.Domain.Git;

namespace SigilGate.Domain.Gate;

/// <summary>A push as pre-receive sees it: ref updates, the pusher's identity (null when none was found), push options.</summary>
public sealed record ReceivedPush(IReadOnlyList<RefUpdate> Updates, string? Identity, IReadOnlyList<string> Options)
{
    public const string DryRunOption = "sigil.dry-run";

    /// <summary>The <c>sigil.*</c> push options there are.</summary>
    public static readonly IReadOnlyList<string> KnownOptions = [DryRunOption];

    public bool IsDryRun => Options.Contains(DryRunOption, StringComparer.Ordinal);

    /// <summary>Options in the <c>sigil.</c> namespace (in any case) that are not known: a mistyped one must not go unnoticed.</summary>
    public IEnumerable<string> UnknownOptions => Options
        .Where(o => o.StartsWith("sigil.", StringComparison.OrdinalIgnoreCase) && !KnownOptions.Contains(o, StringComparer.Ordinal))
        .Distinct(StringComparer.Ordinal);
}
