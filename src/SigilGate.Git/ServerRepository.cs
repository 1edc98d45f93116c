using LibGit2Sharp;
using SigilGate.Domain.Diagnostics;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// Checks on the repository a command is pointed at (<c>--repo</c>) before it reads its settings
/// or writes anything beside it: a clone with a work tree would get lock files in its work tree,
/// and a misspelt protected branch would read as "everything drifted".
/// </summary>
public static class ServerRepository
{
    static ServerRepository() => UserGitConfiguration.LeaveOutWhenUnreadable();

    /// <exception cref="GitReadException">The path is missing, a file, not a repository, or a repository with a work tree.</exception>
    public static void CheckBare(string path, string option)
    {
        if (File.Exists(path)) throw new GitReadException($"{option} {path} is a file, not a bare repository");
        if (!Directory.Exists(path)) throw new GitReadException($"{option} {path}: no such directory");
        if (!IsBare(path))
        {
            throw new GitReadException($"{option} {path} is a clone with a work tree, not a bare repository: name the server's bare repository, the one whose hooks run sigil");
        }
    }

    /// <summary>An empty repository (no branch yet, before the first push) passes: nothing was misspelt.</summary>
    /// <exception cref="GitReadException">Other branches exist, but not <paramref name="branch"/>.</exception>
    public static void CheckBranch(string path, string branch)
    {
        List<string> branches;
        try
        {
            using var repository = new Repository(path);
            if (repository.Refs[$"refs/heads/{branch}"] is not null) return;
            branches = [.. repository.Branches.Where(b => !b.IsRemote).Select(b => b.FriendlyName).Order(StringComparer.Ordinal)];
        }
        catch (LibGit2SharpException exception)
        {
            throw GitErrors.Opening(exception, path);
        }

        if (branches.Count == 0) return;
        var hint = NearestName.Find(branch, branches) is { } nearest ? $"; did you mean {nearest}?" : "";
        throw new GitReadException($"the protected branch {branch} (Sigil:Branch) does not exist in {path}; its branches are {string.Join(", ", branches)}{hint}");
    }

    private static bool IsBare(string path)
    {
        try
        {
            if (!Repository.IsValid(path)) throw new GitReadException($"{path} is not a git repository (a bare repository such as /srv/git/network.git is expected)");
            using var repository = new Repository(path);
            return repository.Info.IsBare;
        }
        catch (LibGit2SharpException exception)
        {
            throw GitErrors.Opening(exception, path);
        }
    }
}
