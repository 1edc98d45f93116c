using SigilGate.Domain.Configuration;
using SigilGate.Git;

namespace SigilGate.Cli.Commands;

/// <summary>
/// <c>--repo BARE</c> of apply, reconcile and drift: checked to be a bare repository before its
/// sigil.json is read or anything is written beside it, then checked to hold the protected branch.
/// </summary>
internal static class RepositoryOption
{
    public const string Name = "--repo";

    /// <exception cref="ArgumentException">No <c>--repo</c>.</exception>
    /// <exception cref="Workflows.Ports.GitReadException">Not a bare repository, or it lacks the protected branch.</exception>
    public static (string Repository, Settings Settings) Read(CommandRun run, Arguments parsed)
    {
        var repository = parsed.RequiredPath(Name);
        ServerRepository.CheckBare(repository, Name);
        var settings = run.Settings(repository);
        ServerRepository.CheckBranch(repository, settings.Sigil.Branch);
        return (repository, settings);
    }
}
