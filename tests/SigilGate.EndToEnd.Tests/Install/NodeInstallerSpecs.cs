using SigilGate.EndToEnd.Tests.Scheduling;

namespace SigilGate.EndToEnd.Tests.Install;

/// <summary>install-node.sh's preview, its account check and the spread of nodes over the interval.</summary>
public class NodeInstallerSpecs : HookedRepository
{
    private readonly List<InstalledNode> _nodes = [];

    [TearDown]
    public void RemoveNodes()
    {
        foreach (var node in _nodes) node.Dispose();
        _nodes.Clear();
    }

    private InstalledNode Node(string id)
    {
        var node = InstalledNode.For(id);
        _nodes.Add(node);
        return node;
    }

    [Test]
    public async Task Print_cron_prints_the_schedule_alone_and_copies_clones_and_writes_nothing()
    {
        var node = Node("core-1");
        Directory.Delete(node.Root);

        var preview = await node.InstallAsync(Bare, Etcd.Endpoint, "--print-cron");

        preview.ExitCode.ShouldBe(0, preview.ToString());
        Directory.Exists(node.Root).ShouldBeFalse(preview.ToString());
        File.Exists(node.CronFile).ShouldBeFalse();
        var lines = preview.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldAllBe(l => l.StartsWith('#') || l.StartsWith("SHELL=", StringComparison.Ordinal) || l.StartsWith("PATH=", StringComparison.Ordinal) || l.Contains("/sigil push --node core-1 ", StringComparison.Ordinal), preview.StandardOutput);
        CronEntry.Parse(preview.StandardOutput, withUserField: true).Command.ShouldContain($"{node.BinDir}/sigil push --node core-1 --workdir {node.Workdir}");
        preview.StandardOutput.ShouldNotContain("install:");
        preview.StandardError.ShouldNotContain(" ready: ");
        preview.StandardError.ShouldContain("install: printed the schedule of node core-1; nothing installed or written (--print-cron)");
    }

    [Test]
    public async Task Print_cron_with_systemd_prints_both_units_and_writes_none()
    {
        var node = Node("core-1");

        var preview = await node.InstallAsync(Bare, Etcd.Endpoint, "--print-cron", "--systemd", "--unit-dir", node.UnitDir);

        preview.ExitCode.ShouldBe(0, preview.ToString());
        Directory.Exists(node.UnitDir).ShouldBeFalse();
        Directory.Exists(node.Workdir).ShouldBeFalse();
        preview.StandardOutput.ShouldContain("ExecStart=");
        preview.StandardOutput.ShouldContain("RandomizedDelaySec=");
        preview.StandardError.ShouldNotContain(" ready: ");
    }

    [Test]
    public async Task Nodes_on_one_interval_are_offset_from_each_other_and_each_keeps_its_own_offset()
    {
        var schedules = new List<string>();
        foreach (var id in new[] { "core-1", "core-2", "core-3", "core-4" })
        {
            var preview = await Node(id).InstallAsync(Bare, Etcd.Endpoint, "--print-cron", "--interval", "300");
            preview.ExitCode.ShouldBe(0, preview.ToString());
            var entry = CronEntry.Parse(preview.StandardOutput, withUserField: true);
            schedules.Add(entry.Schedule + " " + entry.Command.Split(';')[0]);
            var again = await Node(id).InstallAsync(Bare, Etcd.Endpoint, "--print-cron", "--interval", "300");
            CronEntry.Parse(again.StandardOutput, withUserField: true).Schedule.ShouldBe(entry.Schedule);
        }

        schedules.Distinct().Count().ShouldBe(4, string.Join("\n", schedules));
    }

    [Test]
    public async Task An_account_that_cannot_reach_the_remote_is_refused_before_anything_is_installed()
    {
        await PushBaseNetworkAsync();
        var node = Node("core-1");

        // The bare repository is in a root-only temporary folder: 'nobody' cannot read it.
        var install = await node.InstallAsync(Bare, Etcd.Endpoint, "--user", "nobody");

        install.ExitCode.ShouldNotBe(0, install.ToString());
        install.StandardError.ShouldContain("nobody cannot reach");
        Directory.Exists(node.Workdir).ShouldBeFalse();
        File.Exists(node.CronFile).ShouldBeFalse();
    }
}
