using SigilGate.Core.Git;

namespace SigilGate.Core.Gate;

/// <summary>A push as pre-receive sees it: ref updates, the pusher's identity (null when none was found), push options.</summary>
public sealed record PushRequest(IReadOnlyList<RefUpdate> Updates, string? Identity, IReadOnlyList<string> Options)
{
    public const string DryRunOption = "sigil.dry-run";

    public bool IsDryRun => Options.Contains(DryRunOption, StringComparer.Ordinal);
}
