namespace SigilGate.EndToEnd.Tests.Package;

/// <summary>The installed Debian package, used as an operator without the .NET SDK uses it.</summary>
[NonParallelizable]
[WithInstalledPackage]
public class PackageSpecs
{
    private EtcdServer? _etcd;
    private GitEnvironment? _environment;
    private string? _scratch;
    private BareRepository? _bare;
    private Clone? _clone;

    [TearDown]
    public async Task RemoveEverything()
    {
        await TestResources.DisposeAsync(_clone, _bare, _environment, _etcd);
        if (_scratch is not null) TempDirectories.Delete(_scratch);
        (_clone, _bare, _environment, _etcd, _scratch) = (null, null, null, null, null);
    }

    [Test]
    public async Task Sigil_runs_from_PATH_through_a_link_to_the_packaged_executable()
    {
        var help = await Processes.RunAsync("sigil", ["--help"], "/", new Dictionary<string, string?> { ["PATH"] = InstalledPackage.SystemPath });

        help.ExitCode.ShouldBe(0, help.ToString());
        help.StandardOutput.ShouldStartWith("usage: sigil <command>");
        new FileInfo(InstalledPackage.SigilOnPath).ResolveLinkTarget(returnFinalTarget: true)!.FullName
            .ShouldBe(Path.Combine(InstalledPackage.Binaries, "sigil"));
    }

    [Test]
    public async Task The_packaged_install_script_sets_up_a_server_with_the_packaged_hooks_without_the_SDK()
    {
        _etcd = await EtcdServer.StartNewAsync();
        _environment = new GitEnvironment();
        _scratch = TempDirectories.Create("sigil-package-");
        var repository = Path.Combine(_scratch, "network.git");
        // Any call to dotnet on the way finds this one first, and is remembered.
        var shims = Directory.CreateDirectory(Path.Combine(_scratch, "bin")).FullName;
        var calls = Path.Combine(_scratch, "dotnet-calls");
        File.WriteAllText(Path.Combine(shims, "dotnet"), $"#!/bin/sh\necho \"dotnet $*\" >>'{calls}'\nexit 97\n");
        (await InstalledPackage.RunAsync("chmod", "0755", Path.Combine(shims, "dotnet"))).ExitCode.ShouldBe(0);

        var install = await Processes.RunAsync(Path.Combine(InstalledPackage.InstallScripts, "install-server.sh"),
            ["--repo", repository, "--etcd", _etcd.Endpoint], _scratch,
            _environment.With(("PATH", shims + ":" + InstalledPackage.SystemPath), ("SIGIL_BIN", null), ("DOTNET_ROOT", null)));

        install.ExitCode.ShouldBe(0, install.ToString());
        File.Exists(calls).ShouldBeFalse(File.Exists(calls) ? File.ReadAllText(calls) : "");
        install.StandardOutput.ShouldContain("install: server ready: " + repository);
        var hooks = Path.Combine(repository, "hooks");
        var packaged = Directory.GetFiles(InstalledPackage.Binaries).Select(Path.GetFileName).Where(n => n != "pre-commit").Order(StringComparer.Ordinal).ToArray();
        packaged.Length.ShouldBe(4);
        foreach (var name in packaged)
        {
            File.ReadAllBytes(Path.Combine(hooks, name!)).SequenceEqual(File.ReadAllBytes(Path.Combine(InstalledPackage.Binaries, name!)))
                .ShouldBeTrue($"hooks/{name} differs from {InstalledPackage.Binaries}/{name}");
        }

        _bare = BareRepository.Adopt(repository, _environment, InstalledPackage.Binaries);
        _clone = await Clone.OfAsync(_bare);
        Network.WriteBase(_clone);
        var sha = await _clone.CommitAllAsync("base network");
        var push = await _clone.PushAsync("root");
        push.ExitCode.ShouldBe(0, push.ToString());
        (await _bare.TipAsync()).ShouldBe(sha);
        (await _etcd.EtcdctlAsync("get", "--print-value-only", "/sigil/nodes/entry/e-1")).Trim()
            .ShouldBe("{\"address\":\"10.0.0.1:443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-1\"}");

        // sigil from PATH reads the repository with its libgit2, found through the link.
        var drift = await Processes.RunAsync("sigil", ["drift", "--repo", repository], "/", _environment.With(("PATH", InstalledPackage.SystemPath)));
        drift.ExitCode.ShouldBe(0, drift.ToString());

        _clone.Write("sigil.yaml", "roots: [root, alice]\noperators: [alice]\n");
        await _clone.CommitAllAsync("alice makes herself root");
        var rejected = await _clone.PushAsync("alice");
        rejected.ExitCode.ShouldNotBe(0, rejected.ToString());
        rejected.StandardError.ShouldContain("remote: sigil: error: sigil.yaml: identity alice may not change sigil.yaml: only roots may");
        (await _bare.TipAsync()).ShouldBe(sha);
    }
}
