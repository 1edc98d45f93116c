using SigilGate.Domain.Access;
using SigilGate.Domain.Conflicts;
using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Git;

namespace SigilGate.Workflows.Gate;

/// <summary>
/// A commit's decisions about kept losers (<see cref="ConflictResolution"/> trailers) remove them
/// from etcd when applied, so each is held to the policy as a change of its record would be, and a
/// trailer that does not read as a decision is refused rather than ignored; the decision names its
/// pusher as who decided.
/// </summary>
public static class ResolutionTrailers
{
    public static IEnumerable<Diagnostic> Check(CommitInfo commit, string identity, Role role)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var (resolutions, problems) = ConflictResolution.Read(commit.Message);
        foreach (var problem in problems) yield return Diagnostic.General($"commit {commit.ShortSha}: {problem}");

        // Who decided is part of the decision: it is the pusher, named once.
        var deciders = CommitTrailers.Values(commit.Message, ResolutionMessage.DecidedByTrailer);
        if (resolutions.Count > 0 && !(deciders.Count == 1 && deciders[0] == identity))
        {
            yield return Diagnostic.General($"commit {commit.ShortSha} records a decision about a kept loser: it must name its pusher once, '{ResolutionMessage.DecidedByTrailer}: {identity}' (it names {(deciders.Count == 0 ? "nobody" : string.Join(", ", deciders))})");
        }

        foreach (var resolution in resolutions)
        {
            if (AccessRules.Decide(identity, role, resolution.Record.Path).Denial is { } denial)
            {
                yield return Diagnostic.InFile(resolution.Record.Path, $"commit {commit.ShortSha} resolves a kept conflict of this record: {denial}");
            }
        }
    }
}
