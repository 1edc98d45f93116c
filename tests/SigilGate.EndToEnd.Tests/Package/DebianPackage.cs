namespace SigilGate.EndToEnd.Tests.Package;

/// <summary>
/// The Debian package under test: <c>$SIGIL_DEB</c> when set, else built once per test run by
/// install/package.sh from the published executables (<see cref="SigilBinaries.Directory"/>).
/// </summary>
internal static class DebianPackage
{
    public const string Name = "sigil-gate";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _built;

    public static async Task<string> PathAsync()
    {
        var configured = Environment.GetEnvironmentVariable("SIGIL_DEB");
        if (!string.IsNullOrEmpty(configured))
        {
            if (!File.Exists(configured)) throw new InvalidOperationException($"SIGIL_DEB={configured} does not exist");
            return System.IO.Path.GetFullPath(configured);
        }

        await Gate.WaitAsync();
        try
        {
            return _built ??= await BuildAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> BuildAsync()
    {
        var root = SigilBinaries.RepositoryRoot();
        var build = await Processes.RunAsync("bash", ["install/package.sh"], root,
            new Dictionary<string, string?> { ["SIGIL_BIN"] = SigilBinaries.Directory }, timeout: TimeSpan.FromMinutes(10));
        if (build.ExitCode != 0) throw new InvalidOperationException("install/package.sh failed: " + build);
        var packages = Directory.GetFiles(System.IO.Path.Combine(root, "artifacts"), Name + "_*.deb");
        if (packages.Length != 1) throw new InvalidOperationException($"expected one {Name}_*.deb in artifacts/, found {packages.Length}: " + build);
        return packages[0];
    }
}
