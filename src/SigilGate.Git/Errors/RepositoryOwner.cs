using CliWrap.Buffered;
using CliWrap;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// git and libgit2 refuse a repository that belongs to another account ("not owned by current user",
/// since git 2.35.2). The commands that run from cron or by hand (apply, drift, reconcile) then say
/// which account owns it, so the operator runs them as that account instead of loosening safe.directory.
/// </summary>
public static class RepositoryOwner
{
    public static bool IsOwnershipRefusal(Exception exception) =>
        exception.Message.Contains("not owned by current user", StringComparison.Ordinal);

    public static GitReadException Explain(string repository)
    {
        var owner = AccountOwning(repository);
        var who = owner is null ? "another account" : $"the account '{owner}'";
        var run = owner is null ? "run this command as the account that owns it" : $"run this command as {owner} (for example: sudo -u {owner} sigil ...)";
        return new GitReadException($"{repository} belongs to {who}: {run}; the hooks, sigil apply, drift and reconcile all run as the repository's owner");
    }

    // Only on this error path: one 'stat' is simpler than a P/Invoke whose struct layout differs by architecture.
    private static string? AccountOwning(string path)
    {
        try
        {
            var result = Cli.Wrap("stat").WithArguments(["--format=%U", path])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync().Task.GetAwaiter().GetResult();
            var owner = result.StandardOutput.Trim();
            return result.ExitCode == 0 && owner.Length > 0 ? owner : null;
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            return null;
        }
    }
}
