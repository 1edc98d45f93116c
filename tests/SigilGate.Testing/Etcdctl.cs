namespace SigilGate.Testing;

/// <summary>Runs etcdctl (API v3) against given endpoints, as an operator or a node agent would.</summary>
public static class Etcdctl
{
    // etcdctl gives up on its own after the dial and command timeouts; this only stops a hung one.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Runs etcdctl and returns what it did, failures included (a caller may expect one while a member is down).</summary>
    public static Task<ProcessResult> TryAsync(string endpoints, IReadOnlyList<string> arguments, string? input = null) =>
        Processes.RunAsync(
            "etcdctl",
            ["--endpoints", endpoints, "--dial-timeout", "2s", "--command-timeout", "5s", .. arguments],
            System.Environment.CurrentDirectory,
            new Dictionary<string, string?> { ["ETCDCTL_API"] = "3" },
            input,
            Limit);

    /// <summary>Runs etcdctl and returns its standard output; throws when it fails.</summary>
    public static async Task<string> RunAsync(string endpoints, IReadOnlyList<string> arguments)
    {
        var result = await TryAsync(endpoints, arguments).ConfigureAwait(false);
        return result.ExitCode == 0
            ? result.StandardOutput
            : throw new InvalidOperationException($"etcdctl {string.Join(' ', arguments)} failed with exit code {result.ExitCode}: {result.StandardError.Trim()}");
    }
}
