namespace SigilGate.Testing.Servers;

/// <summary>
/// Runs a command as another Unix account, with a clean environment, as a server would run it.
/// setpriv execs the command (no process stays in between), so a server started this way keeps
/// its own pid.
/// </summary>
public static class UnixUser
{
    public const string Path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>The arguments for <c>setpriv</c> that run <paramref name="program"/> as <paramref name="user"/> with only the given environment.</summary>
    public static IReadOnlyList<string> Command(string user, string home, string program, IEnumerable<string> arguments) =>
    [
        "--reuid=" + user, "--regid=" + user, "--init-groups", "--",
        "env", "-i", "HOME=" + home, "USER=" + user, "LOGNAME=" + user, "PATH=" + Path, "LC_ALL=C",
        program, .. arguments,
    ];

    public static Task<ProcessResult> RunAsync(string user, string home, string program, IEnumerable<string> arguments, string workingDirectory) =>
        Processes.RunAsync("setpriv", Command(user, home, program, arguments), workingDirectory, new Dictionary<string, string?>());

    /// <summary>Runs a command (as root) and throws with its output when it fails.</summary>
    public static async Task<ProcessResult> CheckedAsync(string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var list = arguments.ToList();
        var result = await Processes.RunAsync(program, list, workingDirectory, environment ?? new Dictionary<string, string?>());
        return result.ExitCode == 0 ? result : throw new InvalidOperationException($"{program} {string.Join(' ', list)} failed: {result}");
    }

    /// <summary>Mode 0755: other accounts may list and read <paramref name="folder"/> (a temp folder is 0700).</summary>
    public static void OpenToAll(string folder)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
    }

    /// <summary>The home folder of an existing account, from the passwd database.</summary>
    public static async Task<string> HomeOfAsync(string user)
    {
        var entry = await CheckedAsync("getent", ["passwd", user], "/");
        return entry.StandardOutput.Trim().Split(':')[5];
    }
}
