using SigilGate.EndToEnd.Tests.Scheduling;

namespace SigilGate.EndToEnd.Tests.Install;

/// <summary>
/// The schedule install-node.sh installs, run exactly as cron or systemd runs it: the line read
/// back from the file it wrote, in the scheduler's own bare environment (no SIGIL_* variables, no
/// test harness settings). A raw etcd write must reach Git through it.
/// </summary>
public class InstalledScheduleSpecs : HookedRepository
{
    private const string Down = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-12-06T10:00:00Z\",\"status\":\"down\"}";

    private InstalledNode _node = null!;

    [SetUp]
    public void CreateNode() => _node = InstalledNode.For("core-1");

    [TearDown]
    public void RemoveNode() => _node?.Dispose();

    [Test]
    public async Task The_cron_entry_root_installs_mirrors_a_raw_etcd_write_when_cron_runs_it()
    {
        await PushBaseNetworkAsync();
        var install = await _node.InstallAsync(Bare, Etcd.Endpoint, "--interval", "60");
        install.ExitCode.ShouldBe(0, install.ToString());
        var entry = CronEntry.Parse(await File.ReadAllTextAsync(_node.CronFile), withUserField: true);
        entry.User.ShouldBe("root");
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);

        var run = await InstalledNode.RunScheduledAsync(entry.CommandLine("root", "/root"));

        run.ExitCode.ShouldBe(0, run.ToString());
        var log = await File.ReadAllTextAsync(_node.LogFile);
        log.ShouldContain(PushLines.Of("pushed 1 record"), Case.Sensitive, log);
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
    }

    [Test]
    public async Task The_systemd_service_install_node_writes_mirrors_a_raw_etcd_write_when_its_ExecStart_runs_as_systemd_runs_it()
    {
        await PushBaseNetworkAsync();
        var install = await _node.InstallAsync(Bare, Etcd.Endpoint, "--systemd", "--unit-dir", _node.UnitDir, "--interval", "30");
        install.ExitCode.ShouldBe(0, install.ToString());
        var service = SystemdUnit.Read(Path.Combine(_node.UnitDir, "sigil-push-core-1.service"));
        var timer = await File.ReadAllTextAsync(Path.Combine(_node.UnitDir, "sigil-push-core-1.timer"));
        timer.ShouldContain("OnUnitActiveSec=30s");
        timer.ShouldContain("RandomizedDelaySec=30s");
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);

        var run = await SystemdExecution.RunAsync(service, "core-1");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.StandardError.ShouldContain(PushLines.Of("pushed 1 record"));
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
    }

    [Test]
    public async Task Two_overlapping_scheduled_runs_mirror_once_and_the_second_says_another_run_is_working()
    {
        await PushBaseNetworkAsync();
        (await _node.InstallAsync(Bare, Etcd.Endpoint, "--systemd", "--unit-dir", _node.UnitDir)).ExitCode.ShouldBe(0);
        var service = SystemdUnit.Read(Path.Combine(_node.UnitDir, "sigil-push-core-1.service"));
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);

        // The first run holds the clone while its push goes through the hooks; a second one starts meanwhile.
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            await Task.Delay(i * 40);
            return await SystemdExecution.RunAsync(service, "core-1");
        }));

        runs.ShouldAllBe(r => r.ExitCode == 0, string.Join("\n", runs.Select(r => r.ToString())));
        runs.Count(r => r.StandardError.Contains(PushLines.Of("pushed 1 record"), StringComparison.Ordinal)).ShouldBe(1, string.Join("\n", runs.Select(r => r.ToString())));
        runs.ShouldContain(r => r.StandardError.Contains("another sigil push is running", StringComparison.Ordinal), string.Join("\n", runs.Select(r => r.ToString())));
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
    }

    [TestCase(".git/index.lock")]
    [TestCase(".git/HEAD.lock")]
    [TestCase(".git/refs/heads/main.lock")]
    [TestCase(".git/sigil-push.lock")]
    public async Task A_lock_left_by_a_killed_run_is_repaired_and_the_run_goes_on(string leftover)
    {
        await PushBaseNetworkAsync();
        (await _node.InstallAsync(Bare, Etcd.Endpoint, "--systemd", "--unit-dir", _node.UnitDir)).ExitCode.ShouldBe(0);
        var service = SystemdUnit.Read(Path.Combine(_node.UnitDir, "sigil-push-core-1.service"));
        await File.WriteAllTextAsync(Path.Combine(_node.Workdir, leftover), "");
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);

        var run = await SystemdExecution.RunAsync(service, "core-1");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.StandardError.ShouldContain(PushLines.Of("pushed 1 record"));
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
        if (leftover != ".git/sigil-push.lock") run.StandardError.ShouldContain($"removed {leftover}");
    }

    [Test]
    public async Task A_git_killed_during_the_pushers_checkout_leaves_nothing_that_stops_the_next_run()
    {
        await PushBaseNetworkAsync();
        (await _node.InstallAsync(Bare, Etcd.Endpoint, "--systemd", "--unit-dir", _node.UnitDir)).ExitCode.ShouldBe(0);
        var service = SystemdUnit.Read(Path.Combine(_node.UnitDir, "sigil-push-core-1.service"));

        // A real git holding index.lock, killed: what a kill of the pusher's checkout leaves.
        var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", ["-C", _node.Workdir, "update-index", "--stdin"])
        {
            RedirectStandardInput = true,
        })!;
        var lockFile = Path.Combine(_node.Workdir, ".git", "index.lock");
        for (var i = 0; i < 100 && !File.Exists(lockFile); i++) await Task.Delay(20);
        File.Exists(lockFile).ShouldBeTrue("git update-index --stdin holds index.lock while it reads");
        git.Kill();
        await git.WaitForExitAsync();
        File.Exists(lockFile).ShouldBeTrue("a killed git leaves its lock");
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);

        var run = await SystemdExecution.RunAsync(service, "core-1");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.StandardError.ShouldContain("removed .git/index.lock");
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
    }
}
