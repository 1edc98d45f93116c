using NUnit.Framework.Interfaces;

namespace SigilGate.EndToEnd.Tests.Package;

/// <summary>
/// On a fixture: its tests run against the Debian package installed on this machine, installed once
/// before its first test (and before its own one-time set-up) and purged after its last, even when one
/// fails. A spec that needs the packaged executables where it would take
/// <see cref="Testing.Git.SigilBinaries.Directory"/> passes <see cref="InstalledPackage.Binaries"/> instead.
/// The package changes the whole machine: such fixtures are also [NonParallelizable].
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
internal sealed class WithInstalledPackageAttribute : Attribute, ITestAction
{
    private InstalledPackage? _package;

    public ActionTargets Targets => ActionTargets.Suite;

    // NUnit's actions are synchronous; apt-get has its own time limit.
    public void BeforeTest(ITest test) => _package = InstalledPackage.InstallAsync().GetAwaiter().GetResult();

    public void AfterTest(ITest test)
    {
        _package?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _package = null;
    }
}
