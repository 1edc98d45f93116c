using SigilGate.Cli.Configuration;
using SigilGate.Git;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Git;
using SigilGate.Workflows.Ports;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary>The post-receive hook: applies accepted commits to etcd; never fails the push.</summary>
public static class PostReceiveCommand
{
    // Pushes in quick succession queue behind the running apply rather than each waiting on etcd.
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter error, IReadOnlyDictionary<string, string?> environment)
    {
        if (HelpText.Requested(args))
        {
            await error.WriteLineAsync(HelpText.PostReceive).ConfigureAwait(false);
            return (int)ExitCode.Ok;
        }

        GitRepositories.Preload();
        var reporter = new Reporter(error);
        string? pushed = null;
        try
        {
            var gitDir = Path.GetFullPath(environment.GetValueOrDefault("GIT_DIR") ?? ".");
            var settings = SettingsLoader.Load(gitDir, environment);
            var updates = SymbolicRefs.Resolved(gitDir, RefUpdate.ParseAll(await input.ReadToEndAsync().ConfigureAwait(false), out _));
            var update = updates.FirstOrDefault(u => u.IsBranch(settings.Sigil.Branch) && !u.IsDelete);
            if (update is null) return (int)ExitCode.Ok;
            pushed = update.NewSha;

            await ApplyRun.RunAsync(gitDir, settings, reporter, LockWait, update).ConfigureAwait(false);
        }
        catch (BookkeepingException exception)
        {
            // Applying over a bookkeeping value the suite cannot read would guess; it waits for the repair.
            reporter.Line($"{exception.Message}: apply of {pushed?[..7]} is pending until then ('sigil apply --repo BARE' applies it after the repair)");
        }
        catch (StoreException exception)
        {
            reporter.Line($"{exception.Message}: apply of {pushed?[..7]} is pending (the next push or 'sigil apply --repo BARE' applies it)");
        }
#pragma warning disable CA1031 // The push is already accepted: whatever happens here is reported, never thrown at git.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            reporter.Line($"apply failed: {exception.Message}: apply of {pushed?[..7]} is pending (run 'sigil apply --repo BARE')");
        }

        return (int)ExitCode.Ok;
    }
}
