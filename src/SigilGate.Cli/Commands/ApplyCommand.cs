using SigilGate.Cli.Configuration;
using SigilGate.Git;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Ports;
using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary><c>sigil apply --repo BARE</c>: applies pending commits (cron catch-up after an etcd outage).</summary>
internal static class ApplyCommand
{
    public const string Help = """
        usage: sigil apply --repo BARE

        Applies every commit of the protected branch not yet applied to etcd (as post-receive
        does), waiting for a running apply to finish first. Safe to run at any time, e.g. from cron.
        Exit: 0 done (etcd holds the branch tip), 2 error (etcd unreachable: still pending).
        """;

    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment)
    {
        if (HelpText.Requested(args))
        {
            await output.WriteLineAsync(Help).ConfigureAwait(false);
            return (int)ExitCode.Ok;
        }

        var reporter = new Reporter(error);
        try
        {
            var repo = Path.GetFullPath(Arguments.Parse(args, ["--repo"], []).Required("--repo"));
            var settings = SettingsLoader.Load(repo, environment);
            var done = await ApplyRun.RunAsync(repo, settings, reporter, LockWait).ConfigureAwait(false);
            return (int)(done ? ExitCode.Ok : ExitCode.Error);
        }
        catch (Exception exception) when (exception is ArgumentException or SettingsException or StoreException or GitReadException or OverflowException or SigilGate.Domain.Git.UnreadableCommitException or IOException or LibGit2Sharp.LibGit2SharpException)
        {
            reporter.Line($"error: {exception.Message}");
            return (int)ExitCode.Error;
        }
    }
}
