namespace SigilGate.EndToEnd.Tests.Drift;

/// <summary>
/// <c>BARE/sigil-record-cache</c>: drift's readings of the tip's record files, kept between runs. It spares
/// reading unchanged blobs; damaged, stale, foreign or unwritable, it costs a full read and never hides drift.
/// </summary>
public class DriftRecordCacheSpecs : HookedRepository
{
    private const string E1 = "nodes/entry/e-1.yaml";
    private const string HandEdit = "{\"address\":\"10.0.0.1:8443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-1\"}";

    private string CachePath => Path.Combine(Bare.Path, "sigil-record-cache");

    private Task<ProcessResult> DriftAsync() => Bare.SigilAsync(["drift", "--repo", Bare.Path]);

    private string[] CacheLines() => File.ReadAllText(CachePath).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private string KeptJsonOfE1() => CacheLines().Single(l => l.StartsWith(E1 + "\t", StringComparison.Ordinal)).Split('\t')[3][1..];

    [Test]
    public async Task A_drift_run_keeps_the_tip_s_readings_in_the_bare_repository_and_the_next_run_reports_the_same()
    {
        await PushBaseNetworkAsync();

        var first = await DriftAsync();
        var second = await DriftAsync();

        first.ExitCode.ShouldBe(0, first.ToString());
        second.ToString().ShouldBe(first.ToString());
        CacheLines()[0].ShouldBe("sigil record cache 1");
        CacheLines().Count(l => l.StartsWith("nodes/", StringComparison.Ordinal)).ShouldBe(5);
        CacheLines()[^1].ShouldStartWith("sha256 ");
        KeptJsonOfE1().ShouldBe(HandEdit.Replace(":8443", ":443", StringComparison.Ordinal));
        Directory.GetFiles(Bare.Path, "*.tmp").ShouldBeEmpty();
    }

    [Test]
    public async Task A_cache_edited_to_agree_with_etcd_fails_its_checksum_and_drift_is_still_reported()
    {
        await PushBaseNetworkAsync();
        (await DriftAsync()).ExitCode.ShouldBe(0);
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-1", HandEdit);
        await File.WriteAllTextAsync(CachePath, File.ReadAllText(CachePath).Replace("=" + KeptJsonOfE1(), "=" + HandEdit, StringComparison.Ordinal));

        var drift = await DriftAsync();

        drift.ExitCode.ShouldBe(1, drift.ToString());
        drift.StandardOutput.ShouldStartWith("nodes/entry/e-1.yaml: changed-in-etcd (for 0s)\n");
        KeptJsonOfE1().ShouldNotBe(HandEdit);
    }

    [Test]
    public async Task A_cache_kept_for_an_older_tip_does_not_hide_a_change_of_the_same_path()
    {
        await PushBaseNetworkAsync();
        (await DriftAsync()).ExitCode.ShouldBe(0);
        var older = await File.ReadAllBytesAsync(CachePath);
        var olderJson = KeptJsonOfE1();
        Clone.Write(E1, Network.Entry("e-1", "core-1", "10.0.0.1:8443"));
        await Clone.CommitAllAsync("move e-1");
        (await Clone.PushAsync("alice")).ExitCode.ShouldBe(0);

        // etcd goes back to what the older tip said, and the older tip's readings come back with it.
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-1", olderJson);
        await File.WriteAllBytesAsync(CachePath, older);
        var drift = await DriftAsync();

        drift.ExitCode.ShouldBe(1, drift.ToString());
        drift.StandardOutput.ShouldStartWith("nodes/entry/e-1.yaml: changed-in-etcd (for 0s)\n");
        KeptJsonOfE1().ShouldBe(HandEdit);
    }

    [Test]
    public async Task A_repository_where_the_cache_cannot_be_written_is_checked_all_the_same()
    {
        var tip = await PushBaseNetworkAsync();
        Directory.CreateDirectory(CachePath);
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-1", HandEdit);

        var drift = await DriftAsync();

        drift.ExitCode.ShouldBe(1, drift.ToString());
        drift.StandardOutput.ShouldBe($"nodes/entry/e-1.yaml: changed-in-etcd (for 0s)\nsigil: drift: 1 difference between etcd /sigil and main at {tip[..7]} (1 changed-in-etcd); the oldest for 0s\n");
        drift.StandardError.ShouldBeEmpty();
        Directory.Exists(CachePath).ShouldBeTrue();
        Directory.GetFiles(Bare.Path, "*.tmp").ShouldBeEmpty();
    }
}
