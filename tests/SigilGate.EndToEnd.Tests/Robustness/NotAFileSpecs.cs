using SigilGate.EndToEnd.Tests.Pusher;

namespace SigilGate.EndToEnd.Tests.Robustness;

/// <summary>
/// Something other than a file where the suite reads one of its files: a folder where sigil.json
/// belongs was taken for no file, so the command ran on the built-in defaults (etcd at
/// 127.0.0.1:2379); a named pipe at a settings file or a kept cache made the command wait for a
/// writer for ever; a folder at the pusher's settled marker failed every run as "access denied". Now
/// a settings path holding no file with settings is an error naming it, and a kept file that is not
/// a regular one is a miss.
/// </summary>
public class NotAFileSpecs : HookedRepository
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private string SettingsFile => Path.Combine(Bare.Path, "sigil.json");

    [Test]
    public async Task A_folder_where_the_repository_s_sigil_json_belongs_is_an_error_naming_it()
    {
        await PushBaseNetworkAsync();
        File.Delete(SettingsFile);
        Directory.CreateDirectory(Path.Combine(SettingsFile, "inside"));

        var drift = await SigilAsync("drift");

        drift.ExitCode.ShouldBe(2, drift.ToString());
        drift.StandardError.Trim().ShouldBe($"sigil: error: {SettingsFile}: is a folder, not a settings file: remove it or put the JSON settings there");
    }

    [Test]
    public async Task A_named_pipe_where_sigil_json_belongs_is_an_error_naming_it_not_a_wait()
    {
        await PushBaseNetworkAsync();
        File.Delete(SettingsFile);
        await MakePipeAsync(SettingsFile);

        var drift = await SigilWithPatienceAsync("drift");

        drift.ExitCode.ShouldBe(2, drift.ToString());
        drift.StandardError.Trim().ShouldBe($"sigil: error: {SettingsFile}: is empty, or not a regular file (a pipe, a device): write the JSON settings there or remove it");
    }

    [Test]
    public async Task A_named_pipe_for_the_record_cache_is_a_miss_not_a_wait()
    {
        await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-2", "{\"address\":\"10.0.0.22:443\",\"core\":\"core-2\",\"enabled\":true,\"id\":\"e-2\"}");
        var cache = Path.Combine(Bare.Path, "sigil-record-cache");
        (await SigilAsync("drift")).ExitCode.ShouldBe(1);
        File.Delete(cache);
        await MakePipeAsync(cache);

        var drift = await SigilWithPatienceAsync("drift");

        drift.ExitCode.ShouldBe(1, drift.ToString());
        drift.StandardOutput.ShouldContain("nodes/entry/e-2.yaml: changed-in-etcd");
    }

    [Test]
    public async Task A_named_pipe_for_the_push_journal_is_said_and_the_run_reads_the_whole_area()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        (await node.PushAsync()).ExitCode.ShouldBe(0);
        var journal = Path.Combine(node.Clone.Path, ".git", "sigil-push.json");
        File.Delete(journal);
        await MakePipeAsync(journal);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", "{\"grpc_path\":\"/g\",\"last_seen\":\"2026-11-23T10:00:00Z\",\"status\":\"down\"}");

        var run = await Processes.RunAsync(Path.Combine(Bare.Binaries, "sigil"), ["push", "--node", "core-1", "--workdir", node.Clone.Path], node.Clone.Path, node.Clone.Environment.Variables, timeout: Patience);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.StandardError.ShouldContain("sigil-push.json is damaged (empty, or not a regular file)");
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
    }

    [TestCase("folder")]
    [TestCase("pipe")]
    public async Task Something_else_at_the_pusher_s_settled_marker_is_no_marker_and_the_run_mirrors(string what)
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        (await node.PushAsync()).ExitCode.ShouldBe(0);
        var marker = Path.Combine(node.Clone.Path, ".git", "sigil-push-settled");
        File.Delete(marker);
        if (what == "folder") Directory.CreateDirectory(marker);
        else await MakePipeAsync(marker);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", "{\"grpc_path\":\"/g\",\"last_seen\":\"2026-11-23T10:00:00Z\",\"status\":\"down\"}");

        var run = await Processes.RunAsync(Path.Combine(Bare.Binaries, "sigil"), ["push", "--node", "core-1", "--workdir", node.Clone.Path], node.Clone.Path, node.Clone.Environment.Variables, timeout: Patience);

        run.ExitCode.ShouldBe(0, run.ToString());
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
    }

    private Task<ProcessResult> SigilWithPatienceAsync(string command) =>
        Processes.RunAsync(Path.Combine(Bare.Binaries, "sigil"), [command, "--repo", Bare.Path], Bare.Path, Bare.Environment.Variables, timeout: Patience);

    private static async Task MakePipeAsync(string path)
    {
        var made = await Processes.RunAsync("mkfifo", [path], Path.GetDirectoryName(path)!, new Dictionary<string, string?>());
        made.ExitCode.ShouldBe(0, made.ToString());
    }
}
