namespace SigilGate.EndToEnd.Tests.Package;

/// <summary>
/// The Debian package installed on this machine with apt-get, as an operator installs it, and
/// purged again on disposal (with the <c>sigil</c> account, when the package created it).
/// It changes the whole machine: fixtures using it are [NonParallelizable].
/// </summary>
internal sealed class InstalledPackage : IAsyncDisposable
{
    /// <summary>The packaged executables and libgit2: a drop-in for <see cref="SigilBinaries.Directory"/>.</summary>
    public const string Binaries = "/usr/lib/sigil-gate";

    public const string SigilOnPath = "/usr/bin/sigil";

    public const string InstallScripts = "/usr/share/sigil-gate/install";

    public const string UnitDirectory = "/lib/systemd/system";

    /// <summary>The account the packaged units run as, created by the package's postinst.</summary>
    public const string Account = "sigil";

    /// <summary>Where the packaged units expect each Core node's clone.</summary>
    public const string StateDirectory = "/var/lib/sigil-gate";

    /// <summary>PATH as systemd gives it to a system service (and cron to a job).</summary>
    public const string SystemPath = Scheduling.SystemdExecution.SystemPath;

    private static readonly TimeSpan AptTimeout = TimeSpan.FromMinutes(5);

    private readonly bool _accountExisted;
    private bool _purged;

    private InstalledPackage(string deb, bool accountExisted)
    {
        Deb = deb;
        _accountExisted = accountExisted;
    }

    public string Deb { get; }

    public static async Task<InstalledPackage> InstallAsync()
    {
        var deb = await DebianPackage.PathAsync();
        // An operator's installation is not the tests' to replace and purge.
        if (await IsInstalledAsync())
        {
            throw new InvalidOperationException($"{DebianPackage.Name} is already installed on this machine; these specs install and purge it: remove it first (apt-get purge {DebianPackage.Name})");
        }

        var package = new InstalledPackage(deb, await AccountExistsAsync());
        // As an operator does it: apt-get takes a ./ path for a file, and fetches what it depends on.
        var install = await AptAsync(System.IO.Path.GetDirectoryName(deb)!, "install", "-y", "./" + System.IO.Path.GetFileName(deb));
        if (install.ExitCode != 0)
        {
            await package.DisposeAsync();
            throw new InvalidOperationException("apt-get install failed: " + install);
        }

        return package;
    }

    public static async Task<bool> IsInstalledAsync()
    {
        var status = await RunAsync("dpkg-query", "-W", "-f=${Status}", DebianPackage.Name);
        return status.ExitCode == 0 && status.StandardOutput.Trim() == "install ok installed";
    }

    /// <summary>dpkg's status line of the package, or null when dpkg does not know it (never installed, or purged).</summary>
    public static async Task<string?> StatusAsync()
    {
        var status = await RunAsync("dpkg-query", "-W", "-f=${Status}", DebianPackage.Name);
        return status.ExitCode == 0 ? status.StandardOutput.Trim() : null;
    }

    /// <summary><c>apt-get ARGUMENTS</c> as root, non-interactive, waiting for another apt to finish.</summary>
    public static Task<ProcessResult> AptAsync(string workingDirectory, params string[] arguments) =>
        Processes.RunAsync("apt-get", ["-o", "DPkg::Lock::Timeout=300", "-q", .. arguments], workingDirectory,
            new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" }, timeout: AptTimeout);

    public static Task<ProcessResult> RunAsync(string program, params string[] arguments) =>
        Processes.RunAsync(program, arguments, "/", new Dictionary<string, string?>());

    public async ValueTask DisposeAsync()
    {
        if (_purged) return;
        _purged = true;
        // A package purged already (by the test) is unknown to apt-get, which would fail on it.
        var purge = await StatusAsync() is null ? null : await AptAsync("/", "purge", "-y", DebianPackage.Name);
        if (!_accountExisted && await AccountExistsAsync())
        {
            // userdel also drops the account's own group; a group left alone goes after it.
            await RunAsync("userdel", Account);
            await RunAsync("groupdel", Account);
        }

        if (purge is { ExitCode: not 0 }) throw new InvalidOperationException("apt-get purge failed: " + purge);
    }

    private static async Task<bool> AccountExistsAsync() => (await RunAsync("getent", "passwd", Account)).ExitCode == 0;
}
