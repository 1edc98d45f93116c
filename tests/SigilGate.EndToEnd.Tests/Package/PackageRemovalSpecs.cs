namespace SigilGate.EndToEnd.Tests.Package;

/// <summary>Removing and purging the Debian package; each test installs its own.</summary>
[NonParallelizable]
public class PackageRemovalSpecs
{
    private InstalledPackage? _package;

    [TearDown]
    public async Task PurgeThePackage()
    {
        if (_package is not null) await _package.DisposeAsync();
        _package = null;
    }

    [Test]
    public async Task Removing_the_package_takes_sigil_off_PATH_and_purging_leaves_nothing_of_it()
    {
        _package = await InstalledPackage.InstallAsync();
        File.Exists(InstalledPackage.SigilOnPath).ShouldBeTrue();
        Directory.Exists(InstalledPackage.StateDirectory).ShouldBeTrue("postinst creates the units' state folder");

        var remove = await InstalledPackage.AptAsync("/", "remove", "-y", DebianPackage.Name);

        remove.ExitCode.ShouldBe(0, remove.ToString());
        Path.Exists(InstalledPackage.SigilOnPath).ShouldBeFalse();
        Directory.Exists(InstalledPackage.Binaries).ShouldBeFalse();
        File.Exists(Path.Combine(InstalledPackage.UnitDirectory, "sigil-push@.service")).ShouldBeFalse();
        (await InstalledPackage.StatusAsync()).ShouldBe("deinstall ok config-files");

        var purge = await InstalledPackage.AptAsync("/", "purge", "-y", DebianPackage.Name);

        purge.ExitCode.ShouldBe(0, purge.ToString());
        (await InstalledPackage.StatusAsync()).ShouldBeNull();
        Directory.Exists(InstalledPackage.StateDirectory).ShouldBeFalse("an empty state folder goes with a purge");
    }
}
