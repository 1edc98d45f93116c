using LibGit2Sharp;

namespace SigilGate.Git;

/// <summary>
/// The account's own git configuration (<c>~/.gitconfig</c>, <c>~/.config/git/config</c>). A Git server
/// may run the hooks with a HOME its account cannot read (fcgiwrap started from a root shell keeps
/// HOME=/root): libgit2 then fails every open with "failed to stat '/root/.gitconfig'", and git warns
/// on every command. Nothing the suite does needs that configuration, so when it cannot be read it is
/// left out, for libgit2 and for every git the suite starts. A readable one is still honoured
/// (an administrator's <c>safe.directory</c>, for example).
/// </summary>
public static class UserGitConfiguration
{
    // A folder that cannot hold a file: libgit2 and git find no configuration there, without an error.
    private const string Nowhere = "/dev/null";

    private static readonly Lazy<bool> Unreadable = new(() =>
    {
        var unreadable = Candidates().Any(IsUnreadable);
        if (unreadable)
        {
            GlobalSettings.SetConfigSearchPaths(ConfigurationLevel.Global, Nowhere);
            GlobalSettings.SetConfigSearchPaths(ConfigurationLevel.Xdg, Nowhere);
        }

        return unreadable;
    });

    /// <summary>Call before the first libgit2 open: leaves the account's configuration out when it cannot be read.</summary>
    public static void LeaveOutWhenUnreadable() => _ = Unreadable.Value;

    /// <summary>Environment for a git the suite starts: the same choice as for libgit2.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ForChildGit()
    {
        if (!Unreadable.Value) yield break;
        yield return new("GIT_CONFIG_GLOBAL", Nowhere);
        yield return new("XDG_CONFIG_HOME", Nowhere);
    }

    private static IEnumerable<string> Candidates()
    {
        var home = Environment.GetEnvironmentVariable("HOME");
        var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (!string.IsNullOrEmpty(home)) yield return Path.Combine(home, ".gitconfig");
        if (!string.IsNullOrEmpty(xdg)) yield return Path.Combine(xdg, "git", "config");
        else if (!string.IsNullOrEmpty(home)) yield return Path.Combine(home, ".config", "git", "config");
    }

    private static bool IsUnreadable(string file)
    {
        try
        {
            // A missing file is fine; one that exists must open. Either way, a folder on the way that
            // cannot be searched shows as UnauthorizedAccessException.
            if (!File.Exists(file))
            {
                _ = File.GetAttributes(file);
                return false;
            }

            using var stream = File.OpenRead(file);
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
