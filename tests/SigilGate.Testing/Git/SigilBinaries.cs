namespace SigilGate.Testing.Git;

/// <summary>
/// Where the published executables are: <c>$SIGIL_BIN</c>, else <c>artifacts/bin</c> of the
/// repository (install/build.sh puts them there; install/test.sh builds them before the tests),
/// and the crash-point test build beside them.
/// </summary>
public static class SigilBinaries
{
    public static string Directory => Find("SIGIL_BIN", "bin", "run install/build.sh (or set SIGIL_BIN)");

    /// <summary>
    /// The crash-point test build: <c>$SIGIL_CRASH_BIN</c>, else <c>artifacts/crashbin</c> (install/test.sh
    /// publishes it with <c>-p:SigilCrashPoints=true</c>). Only these executables honour <c>SIGIL_CRASH_AT</c>.
    /// </summary>
    public static string CrashDirectory => Find("SIGIL_CRASH_BIN", "crashbin", "run install/test.sh (or set SIGIL_CRASH_BIN)");

    public static string Path(string executable) => System.IO.Path.Combine(Directory, executable);

    private static string Find(string variable, string folder, string remedy)
    {
        var configured = Environment.GetEnvironmentVariable(variable);
        var directory = !string.IsNullOrEmpty(configured) ? configured : System.IO.Path.Combine(RepositoryRoot(), "artifacts", folder);
        if (!File.Exists(System.IO.Path.Combine(directory, "pre-receive")))
        {
            throw new InvalidOperationException($"no published executables in {directory}: {remedy}");
        }

        return directory;
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "SigilGate.Hooks.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("SigilGate.Hooks.sln not found above the test directory");
    }
}
