using SigilGate.Testing;
using SigilGate.Testing.Git;

namespace SigilGate.EndToEnd.Tests.Hooks;

/// <summary>
/// Per test: a real etcd, a bare repository with the published hooks installed and pointed at
/// it, and a clone to push from. Everything is thrown away afterwards.
/// </summary>
public abstract class HookedRepository
{
    protected const string Prefix = "/sigil";

    protected EtcdServer Etcd { get; private set; } = null!;

    protected GitEnvironment Environment { get; private set; } = null!;

    protected BareRepository Bare { get; private set; } = null!;

    protected Clone Clone { get; private set; } = null!;

    /// <summary>The executables installed as hooks (null: <see cref="SigilBinaries.Directory"/>, the release build).</summary>
    protected virtual string? Binaries => null;

    [SetUp]
    public async Task CreateRepositoryAndEtcd()
    {
        Etcd = await EtcdServer.StartNewAsync();
        Environment = new GitEnvironment();
        Bare = await BareRepository.CreateAsync(Environment, Etcd.Endpoint, Prefix, binaries: Binaries);
        Clone = await Clone.OfAsync(Bare);
    }

    // NUnit runs TearDown after a failed SetUp too: what the set-up never started is null, and
    // what is disposed is set to null, as NUnit reuses the fixture object for the next test.
    [TearDown]
    public async Task RemoveEverything()
    {
        await TestResources.DisposeAsync(Clone, Bare, Environment, Etcd);
        (Clone, Bare, Environment, Etcd) = (null!, null!, null!, null!);
    }

    /// <summary>Commits the base network and pushes it as root; asserts it was accepted.</summary>
    protected async Task<string> PushBaseNetworkAsync()
    {
        Network.WriteBase(Clone);
        var sha = await Clone.CommitAllAsync("base network");
        var push = await Clone.PushAsync("root");
        push.ExitCode.ShouldBe(0, push.ToString());
        return sha;
    }

    /// <summary>
    /// Commits everything with the committer time of HEAD: the second edit of a record within one
    /// second, the case a commit-time clock alone cannot order.
    /// </summary>
    protected async Task<string> CommitInTheSameSecondAsync(SigilGate.Testing.Git.Clone clone, string message)
    {
        var time = (await clone.GitAsync("log", "-1", "--format=%cI")).StandardOutput.Trim();
        var environment = clone.Environment.With(("GIT_COMMITTER_DATE", time), ("GIT_AUTHOR_DATE", time));
        (await clone.GitAsync("add", "-A")).ExitCode.ShouldBe(0);
        var commit = await SigilGate.Testing.Git.Processes.RunAsync("git", ["commit", "--quiet", "-m", message], clone.Path, environment);
        commit.ExitCode.ShouldBe(0, commit.ToString());
        return (await clone.GitAsync("rev-parse", "HEAD")).StandardOutput.Trim();
    }

    /// <summary>Every key under the prefix and its value, as etcdctl reads them.</summary>
    protected Task<Dictionary<string, string>> EtcdKeysAsync(string prefix = Prefix + "/") => KeysAsync(Etcd, prefix);

    /// <summary>Data keys only (what node agents read), without the suite's bookkeeping.</summary>
    protected Task<Dictionary<string, string>> DataKeysAsync() => DataKeysAsync(Etcd);

    /// <summary>Every key of <paramref name="etcd"/> under the prefix and its value, as etcdctl reads them.</summary>
    protected internal static async Task<Dictionary<string, string>> KeysAsync(EtcdServer etcd, string prefix = Prefix + "/")
    {
        var output = await etcd.EtcdctlAsync("get", "--prefix", prefix);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < lines.Length; i += 2) keys[lines[i]] = lines[i + 1];
        return keys;
    }

    /// <summary>The data keys of <paramref name="etcd"/> (what node agents read), without the suite's bookkeeping.</summary>
    protected internal static async Task<Dictionary<string, string>> DataKeysAsync(EtcdServer etcd) =>
        (await KeysAsync(etcd)).Where(k => !k.Key.StartsWith(Prefix + "/.sigil/", StringComparison.Ordinal)).ToDictionary(k => k.Key, k => k.Value);

    protected async Task<long> EtcdRevisionAsync()
    {
        var status = await Etcd.EtcdctlAsync("get", "/", "--prefix", "--keys-only", "--limit", "1", "-w", "json");
        var document = System.Text.Json.JsonDocument.Parse(status);
        return document.RootElement.GetProperty("header").GetProperty("revision").GetInt64();
    }

    protected internal static string[] ErrorLines(ProcessResult push) =>
        push.StandardError.Split('\n').Select(l => l.TrimEnd()).Where(l => l.StartsWith("remote: sigil: error:", StringComparison.Ordinal)).ToArray();
}
