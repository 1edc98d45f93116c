namespace SigilGate.EndToEnd.Tests.Hooks;

/// <summary>
/// The one base of the end-to-end fixtures: a real etcd, a bare repository with the published hooks
/// installed and pointed at it, and a clone to push from (<see cref="RepositoryFixture{TEtcd}"/>), made
/// for each test, or once for all tests of a fixture, and thrown away afterwards. A variant says which
/// etcd it starts; it may also say which executables are the hooks and what sigil.json needs to reach etcd.
/// </summary>
public abstract class HookedRepositoryBase<TEtcd>
    where TEtcd : class, IEtcd
{
    protected const string Prefix = SigilJson.Prefix;

    /// <summary>The parts of the current test (or of the fixture, when shared); null before set-up and after tear-down.</summary>
    protected RepositoryFixture<TEtcd> Repository { get; private set; } = null!;

    protected TEtcd Etcd => Repository.Etcd;

    protected GitEnvironment Environment => Repository.Environment;

    protected BareRepository Bare => Repository.Bare;

    protected Clone Clone => Repository.Clone;

    /// <summary>The executables installed as hooks (null: <see cref="SigilBinaries.Directory"/>, the release build).</summary>
    protected virtual string? Binaries => null;

    /// <summary>True: one repository and etcd for every test of the fixture, made before the first; false: a fresh one per test.</summary>
    protected virtual bool OneRepositoryForAllTests => false;

    /// <summary>Starts the etcd the variant needs and waits until it serves.</summary>
    protected abstract Task<TEtcd> StartEtcdAsync();

    /// <summary>TLS files and credentials sigil.json needs to reach <paramref name="etcd"/> (null: none).</summary>
    protected virtual EtcdAccess? AccessTo(TEtcd etcd) => null;

    [OneTimeSetUp]
    public async Task CreateTheSharedRepository()
    {
        if (OneRepositoryForAllTests) await CreateRepositoryAsync();
    }

    [SetUp]
    public async Task CreateTheTestsRepository()
    {
        if (!OneRepositoryForAllTests) await CreateRepositoryAsync();
    }

    // NUnit runs TearDown after a failed SetUp too (a fixture that failed part-way has disposed
    // itself), and reuses the fixture object for the next test: what is removed is set to null.
    [TearDown]
    public async Task RemoveTheTestsRepository()
    {
        if (!OneRepositoryForAllTests) await RemoveRepositoryAsync();
    }

    [OneTimeTearDown]
    public async Task RemoveTheSharedRepository()
    {
        if (OneRepositoryForAllTests) await RemoveRepositoryAsync();
    }

    /// <summary>Commits the base network (<see cref="Network.WriteBase"/>) and pushes it as root; asserts it was accepted.</summary>
    protected async Task<string> PushBaseNetworkAsync()
    {
        Network.WriteBase(Clone);
        var (sha, push) = await Clone.CommitAndPushAsync("base network");
        push.ExitCode.ShouldBe(0, push.ToString());
        BaseNetworkPushed(sha, push);
        return sha;
    }

    /// <summary>What a variant checks of the accepted base push beyond its exit code.</summary>
    protected virtual void BaseNetworkPushed(string sha, ProcessResult push)
    {
    }

    /// <summary>
    /// Commits everything with the committer time of HEAD: the second edit of a record within one
    /// second, the case a commit-time clock alone cannot order.
    /// </summary>
    protected static async Task<string> CommitInTheSameSecondAsync(Clone clone, string message)
    {
        var time = (await clone.GitAsync("log", "-1", "--format=%cI")).StandardOutput.Trim();
        var environment = clone.Environment.With(("GIT_COMMITTER_DATE", time), ("GIT_AUTHOR_DATE", time));
        (await clone.GitAsync("add", "-A")).ExitCode.ShouldBe(0);
        var commit = await Processes.RunAsync("git", ["commit", "--quiet", "-m", message], clone.Path, environment);
        commit.ExitCode.ShouldBe(0, commit.ToString());
        return (await clone.GitAsync("rev-parse", "HEAD")).StandardOutput.Trim();
    }

    /// <summary>Every key under the prefix and its value, as etcdctl reads them.</summary>
    protected Task<Dictionary<string, string>> EtcdKeysAsync(string prefix = Prefix + "/") => Repository.KeysAsync(prefix);

    /// <summary>Data keys only (what node agents read), without the suite's bookkeeping.</summary>
    protected Task<Dictionary<string, string>> DataKeysAsync() => Repository.DataKeysAsync();

    /// <summary>etcd's revision now.</summary>
    protected Task<long> EtcdRevisionAsync() => Etcd.RevisionAsync();

    /// <summary>Runs <c>sigil</c> against the bare repository (<c>--repo</c> added).</summary>
    protected Task<ProcessResult> SigilAsync(params string[] arguments) => Bare.SigilAsync([.. arguments, "--repo", Bare.Path]);

    /// <summary>The lines the hooks printed (git relays them as <c>remote: sigil: ...</c>).</summary>
    protected static string[] SigilLines(ProcessResult push) => PushOutput.SigilLines(push);

    /// <summary>The hooks' error lines (<c>remote: sigil: error: ...</c>).</summary>
    protected static string[] ErrorLines(ProcessResult push) => PushOutput.ErrorLines(push);

    private async Task CreateRepositoryAsync()
    {
        var etcd = await StartEtcdAsync();
        Repository = await RepositoryFixture<TEtcd>.CreateAsync(etcd, Binaries, AccessTo(etcd));
    }

    private async Task RemoveRepositoryAsync()
    {
        await TestResources.DisposeAsync(Repository);
        Repository = null!;
    }
}
