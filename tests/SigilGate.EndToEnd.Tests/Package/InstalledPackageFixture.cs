namespace SigilGate.EndToEnd.Tests.Package;

/// <summary>
/// A fixture whose tests run against the Debian package installed on this machine: installed once
/// before its first test, purged after its last (even when one fails). A spec that needs the packaged
/// executables where it would take <see cref="Testing.Git.SigilBinaries.Directory"/> passes
/// <see cref="InstalledPackage.Binaries"/> instead.
/// </summary>
[NonParallelizable]
public abstract class InstalledPackageFixture
{
    private InstalledPackage? _package;

    [OneTimeSetUp]
    public async Task InstallThePackage() => _package = await InstalledPackage.InstallAsync();

    [OneTimeTearDown]
    public async Task PurgeThePackage()
    {
        await TestResources.DisposeAsync(_package);
        _package = null;
    }
}
