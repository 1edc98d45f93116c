namespace SigilGate.EndToEnd.Tests.Package;

/// <summary>The Debian package as lintian judges it (install/test.sh installs lintian).</summary>
[NonParallelizable]
public class LintianSpecs
{
    [Test]
    public async Task Lintian_finds_no_error_or_warning_in_the_package()
    {
        File.Exists("/usr/bin/lintian").ShouldBeTrue("lintian is not installed: install/test.sh installs it (ensure_lintian)");
        var deb = await DebianPackage.PathAsync();

        // The warnings the package cannot avoid are overridden, with their reasons, in
        // install/deb/lintian-overrides.
        var lintian = await InstalledPackage.RunAsync("lintian", "--fail-on", "error,warning", deb);

        lintian.ExitCode.ShouldBe(0, lintian.ToString());
        lintian.StandardOutput.ShouldNotContain("E: ", Case.Sensitive, lintian.ToString());
        lintian.StandardOutput.ShouldNotContain("W: ", Case.Sensitive, lintian.ToString());
    }
}
