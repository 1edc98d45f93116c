namespace SigilGate.Testing.Git;

/// <summary>
/// Where the published executables are: <c>$SIGIL_BIN</c>, else <c>artifacts/bin</c> of the
/// repository (install/build.sh puts them there; install/test.sh builds them before the tests).
/// </summary>
public static class SigilBinaries
{
    public static string Directory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("SIGIL_BIN");
            var directory = !string.IsNullOrEmpty(configured) ? configured : System.IO.Path.Combine(RepositoryRoot(), "artifacts", "bin");
            if (!File.Exists(System.IO.Path.Combine(directory, "pre-receive")))
            {
                throw new InvalidOperationException($"no published executables in {directory}: run install/build.sh (or set SIGIL_BIN)");
            }

            return directory;
        }
    }

    public static string Path(string executable) => System.IO.Path.Combine(Directory, executable);

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "SigilGate.Hooks.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("SigilGate.Hooks.sln not found above the test directory");
    }
}
