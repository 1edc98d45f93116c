using System.Security.Cryptography;
using SigilGate.EndToEnd.Tests.Scheduling;
using SigilGate.EndToEnd.Tests.Servers;
using SigilGate.Testing.Servers;

namespace SigilGate.EndToEnd.Tests.Package;

/// <summary>
/// The Debian package deployed as an operator deploys it, with nothing from the sources: the hooks
/// installed into gitolite's repository by the packaged install-server.sh, and a Core node set up
/// by the packaged install-node.sh and run by the packaged sigil-push@ service, over SSH with its key.
/// </summary>
[NonParallelizable]
[WithInstalledPackage]
public class PackagedGitoliteSpecs : GitoliteRepository
{
    private const string Node = "core-1";

    private string? _nodeClone;

    protected override InstallServerScript Installer => InstallServerScript.Packaged(InstalledPackage.InstallScripts);

    [TearDown]
    public void RemoveNodeClone()
    {
        if (_nodeClone is not null) TempDirectories.Delete(_nodeClone);
        TempDirectories.Delete(Path.Combine(InstalledPackage.StateDirectory, ".ssh"));
        _nodeClone = null;
    }

    [Test]
    public async Task The_packaged_hooks_behind_gitolite_apply_what_the_policy_allows_and_refuse_the_rest()
    {
        foreach (var hook in new[] { "pre-receive", "post-receive" })
        {
            Hash(Path.Combine(Served.Path, "hooks", hook)).ShouldBe(Hash(Path.Combine(InstalledPackage.Binaries, hook)), $"{hook} is not the package's");
        }

        await PushBaseNetworkAsync();
        var core1 = await ClientAsync("core-1");
        core1.Write("network.yaml", "name: taken-over\n");
        await core1.CommitAllAsync("core-1 edits the global settings");
        var refused = await core1.PushAsync(null);

        refused.ExitCode.ShouldNotBe(0, refused.ToString());
        ServedNetwork.Lines(refused).ShouldContain("remote: sigil: error: network.yaml: identity core-1 may only change state/core-1/", refused.ToString());
        (await DataKeysAsync())["/sigil/network"].ShouldNotContain("taken-over");
    }

    [Test]
    public async Task A_core_node_set_up_from_the_package_mirrors_a_raw_etcd_write_through_its_timers_service_over_ssh()
    {
        await PushBaseNetworkAsync();
        var account = InstalledPackage.Account;
        var ssh = Path.Combine(InstalledPackage.StateDirectory, ".ssh");
        Directory.CreateDirectory(ssh);
        var key = Path.Combine(ssh, "id_core-1");
        File.Copy(Server.Key(Node).PrivateFile, key);
        // The operator's first contact: the server's host key, recorded for the account that pushes.
        var scan = await InstalledPackage.RunAsync("ssh-keyscan", "-p", Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "127.0.0.1");
        scan.ExitCode.ShouldBe(0, scan.ToString());
        await File.WriteAllTextAsync(Path.Combine(ssh, "known_hosts"), scan.StandardOutput);
        (await InstalledPackage.RunAsync("chown", "-R", $"{account}:{account}", ssh)).ExitCode.ShouldBe(0);
        (await InstalledPackage.RunAsync("chmod", "-R", "go-rwx", ssh)).ExitCode.ShouldBe(0);
        _nodeClone = Path.Combine(InstalledPackage.StateDirectory, Node);
        Directory.Exists(_nodeClone).ShouldBeFalse($"{_nodeClone} is left from something else: remove it");
        var remote = $"ssh://{Server.Account.Name}@127.0.0.1:{Server.Port}/{Repository}";

        var install = await Processes.RunAsync("bash", [Path.Combine(InstalledPackage.InstallScripts, "install-node.sh"), "--node", Node, "--remote", remote,
                "--workdir", _nodeClone, "--etcd", Etcd.Endpoint, "--user", account, "--ssh-key", key, "--no-schedule"], "/",
            Server.Environment.With(("PATH", InstalledPackage.SystemPath), ("SIGIL_BIN", null)));
        install.ExitCode.ShouldBe(0, install.ToString());
        var down = ServedNetwork.StateJson("down");
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", down);

        var run = await SystemdExecution.RunAsync(SystemdUnit.Read(Path.Combine(InstalledPackage.UnitDirectory, "sigil-push@.service")), Node);

        run.ExitCode.ShouldBe(0, run.ToString());
        (await Served.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
        (await Served.GitAsync("log", "-1", "--format=%B", "main")).StandardOutput.ShouldContain("Sigil-Node: core-1");
        (await DataKeysAsync())["/sigil/state/core-1/entries/e-1"].ShouldBe(down);
    }

    private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
}
