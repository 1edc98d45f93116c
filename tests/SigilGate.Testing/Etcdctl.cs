using CliWrap;
using CliWrap.Buffered;

namespace SigilGate.Testing;

/// <summary>Runs etcdctl (API v3) against given endpoints, as an operator or a node agent would.</summary>
internal static class Etcdctl
{
    public static async Task<string> RunAsync(string endpoints, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var result = await Cli.Wrap("etcdctl")
            .WithArguments(["--endpoints", endpoints, "--dial-timeout", "2s", "--command-timeout", "5s", .. arguments])
            .WithEnvironmentVariables(e => e.Set("ETCDCTL_API", "3"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken)
            .ConfigureAwait(false);

        return result.ExitCode == 0
            ? result.StandardOutput
            : throw new InvalidOperationException($"etcdctl {string.Join(' ', arguments)} failed with exit code {result.ExitCode}: {result.StandardError.Trim()}");
    }
}
