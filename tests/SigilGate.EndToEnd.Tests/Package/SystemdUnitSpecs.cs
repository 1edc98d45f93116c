using SigilGate.EndToEnd.Tests.Scheduling;

namespace SigilGate.EndToEnd.Tests.Package;

/// <summary>The packaged sigil-push@.service and sigil-push@.timer, for Core node core-1.</summary>
[NonParallelizable]
[WithInstalledPackage]
public class SystemdUnitSpecs
{
    private const string Node = "core-1";
    private const string Down = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T11:00:00Z\",\"status\":\"down\"}";

    private static readonly string ServicePath = Path.Combine(InstalledPackage.UnitDirectory, "sigil-push@.service");
    private static readonly string TimerPath = Path.Combine(InstalledPackage.UnitDirectory, "sigil-push@.timer");

    private EtcdServer? _etcd;
    private GitEnvironment? _environment;
    private BareRepository? _bare;
    private Clone? _clone;
    private string? _scratch;
    private string? _nodeClone;

    [TearDown]
    public async Task RemoveEverything()
    {
        if (_nodeClone is not null) TempDirectories.Delete(_nodeClone);
        await TestResources.DisposeAsync(_clone, _bare, _environment, _etcd);
        if (_scratch is not null) TempDirectories.Delete(_scratch);
        (_nodeClone, _clone, _bare, _environment, _etcd, _scratch) = (null, null, null, null, null, null);
    }

    [Test]
    public async Task Systemd_finds_nothing_wrong_with_an_instance_of_the_units()
    {
        if (!File.Exists("/usr/bin/systemd-analyze")) Assert.Ignore("systemd-analyze is not installed here: the run of ExecStart below still checks the service");
        _scratch = TempDirectories.Create("sigil-units-");
        var service = Path.Combine(_scratch, $"sigil-push@{Node}.service");
        var timer = Path.Combine(_scratch, $"sigil-push@{Node}.timer");
        File.Copy(ServicePath, service);
        File.Copy(TimerPath, timer);

        var verify = await InstalledPackage.RunAsync("systemd-analyze", "verify", "--man=no", service, timer);

        verify.ExitCode.ShouldBe(0, verify.ToString());
        // Other units of this machine may draw remarks; none may be about ours.
        verify.StandardError.ShouldNotContain("sigil-push", Case.Sensitive, verify.ToString());
    }

    [Test]
    public void The_timer_runs_the_service_again_after_each_run_with_a_random_delay()
    {
        var timer = SystemdUnit.Read(TimerPath);

        timer.Value("Timer", "OnUnitActiveSec").ShouldNotBeNull();
        timer.Value("Timer", "Unit").ShouldBeNull("the timer starts the service of its own instance");
        var delay = timer.Value("Timer", "RandomizedDelaySec");
        delay.ShouldNotBeNull();
        delay.ShouldNotBe("0");
        timer.Value("Install", "WantedBy").ShouldBe("timers.target");
    }

    [Test]
    public async Task The_service_run_as_systemd_runs_it_mirrors_a_raw_etcd_write_into_git()
    {
        var service = SystemdUnit.Read(ServicePath);
        service.Value("Service", "Type").ShouldBe("oneshot");
        service.Value("Service", "WorkingDirectory").ShouldBeNull("the run below starts in / as systemd does without one");
        var user = service.Value("Service", "User").ShouldNotBeNull();
        var group = service.Value("Service", "Group") ?? user;
        var command = service.ExecStart(Node);
        command.ShouldBe(["/usr/bin/sigil", "push", "--node", Node, "--workdir", $"{InstalledPackage.StateDirectory}/{Node}"]);
        _nodeClone = command[^1];
        Directory.Exists(_nodeClone).ShouldBeFalse($"{_nodeClone} is left from something else: remove it");

        _etcd = await EtcdServer.StartNewAsync();
        _environment = new GitEnvironment();
        // The bare repository will belong to the service's account; root still reads it.
        File.AppendAllText(Path.Combine(_environment.Home, ".gitconfig"), "\n[safe]\n\tdirectory = *\n");
        _bare = await BareRepository.CreateAsync(_environment, _etcd.Endpoint, binaries: InstalledPackage.Binaries);
        _clone = await Clone.OfAsync(_bare);
        Network.WriteBase(_clone);
        await _clone.CommitAllAsync("base network");
        (await _clone.PushAsync("root")).ExitCode.ShouldBe(0);
        (await InstalledPackage.RunAsync("chown", "-R", $"{user}:{group}", _bare.Path)).ExitCode.ShouldBe(0);

        // The node's clone set up by the packaged install-node.sh, leaving the schedule to the timer.
        var install = await Processes.RunAsync("bash", [Path.Combine(InstalledPackage.InstallScripts, "install-node.sh"), "--node", Node, "--remote", _bare.Path,
                "--workdir", _nodeClone, "--etcd", _etcd.Endpoint, "--user", user, "--no-schedule"], "/",
            _environment.With(("PATH", InstalledPackage.SystemPath), ("SIGIL_BIN", null)));
        install.ExitCode.ShouldBe(0, install.ToString());
        await _etcd.EtcdctlAsync("put", $"/sigil/state/{Node}/entries/e-1", Down);

        var run = await SystemdExecution.RunAsync(service, Node);

        run.ExitCode.ShouldBe(0, run.ToString());
        (await _bare.GitAsync("show", $"main:state/{Node}/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
        (await _bare.GitAsync("log", "-1", "--format=%B", "main")).StandardOutput.ShouldContain($"Sigil-Node: {Node}");
    }
}
