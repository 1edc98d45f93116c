using SigilGate.Domain.Access;
using SigilGate.Domain.Conflicts;
using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Git;

namespace SigilGate.Workflows.Gate;

/// <summary>
/// A commit's decisions about kept losers (<see cref="ConflictResolution"/> trailers) remove them
/// from etcd when applied, so each is held to the policy as a change of its record would be, and a
/// trailer that does not read as a decision is refused rather than ignored.
/// </summary>
public static class ResolutionTrailers
{
    public static IEnumerable<Diagnostic> Check(CommitInfo commit, string identity, Role role)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var (resolutions, problems) = ConflictResolution.Read(commit.Message);
        foreach (var problem in problems) yield return Diagnostic.General($"commit {commit.ShortSha}: {problem}");
        foreach (var resolution in resolutions)
        {
            if (AccessRules.Decide(identity, role, resolution.Record.Path).Denial is { } denial)
            {
                yield return Diagnostic.InFile(resolution.Record.Path, $"commit {commit.ShortSha} resolves a kept conflict of this record: {denial}");
            }
        }
    }
}
