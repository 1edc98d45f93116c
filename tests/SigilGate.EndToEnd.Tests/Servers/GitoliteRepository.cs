using SigilGate.Testing.Servers;

namespace SigilGate.EndToEnd.Tests.Servers;

/// <summary>
/// One gitolite per fixture (its own hosting account and sshd), and per test a real etcd and a
/// fresh repository declared in gitolite.conf, with the hooks installed by install-server.sh.
/// Clients push over SSH, each with its own key: gitolite tells the hooks who it is (GL_USER).
/// </summary>
public abstract class GitoliteRepository : EndToEndFixture<RepositoryFixture<EtcdServer>>
{
    protected static readonly string[] Users = ["root", ServedNetwork.Operator, "core-1", "core-2", "core-3", "stranger"];

    // Declared up front in one admin push: a test takes the next one.
    private const int Repositories = 24;
    private int taken;

    protected GitoliteServer Server { get; private set; } = null!;

    protected EtcdServer Etcd => Parts.Etcd;

    /// <summary>The test's repository, as gitolite names it.</summary>
    protected string Repository { get; private set; } = "";

    /// <summary>The test's repository on the server, read with git as root.</summary>
    protected BareRepository Served => Parts.Bare;

    /// <summary>The install-server.sh that installs the hooks (the package's, for the package specs).</summary>
    protected virtual InstallServerScript Installer => InstallServerScript.FromSources;

    protected static string Rules(int count) =>
        $"repo {string.Join(' ', Enumerable.Range(1, count).Select(i => $"network-{i}"))}\n" +
        $"    RW+ = root {ServedNetwork.Operator}\n" +
        "    RW = core-1 core-2 core-3 stranger\n";

    // Runs before the base's SetUp makes each test's repository on this server.
    [OneTimeSetUp]
    public async Task StartGitolite()
    {
        Server = await GitoliteServer.StartAsync(Users);
        await Server.ConfigureAsync(Rules(Repositories));
    }

    [OneTimeTearDown]
    public async Task StopGitolite()
    {
        await TestResources.DisposeAsync(Server);
        Server = null!;
    }

    /// <summary>Per test: a real etcd, and the next repository declared in gitolite.conf with the hooks installed by <see cref="Installer"/>.</summary>
    protected override async Task<RepositoryFixture<EtcdServer>> CreateAsync()
    {
        var etcd = await EtcdServer.StartNewAsync();
        try
        {
            Repository = $"network-{++taken}";
            await Server.InstallHooksAsync(Repository, etcd.Endpoint, Installer);
            return RepositoryFixture<EtcdServer>.Adopt(etcd, BareRepository.Served(Server.RepositoryPath(Repository), Server.Environment));
        }
        catch
        {
            await etcd.DisposeAsync();
            throw;
        }
    }

    /// <summary>A clone of the test's repository over SSH with <paramref name="user"/>'s key; removed after the test.</summary>
    protected async Task<Clone> ClientAsync(string user) => Parts.Add(await Server.CloneAsync(Repository, user));

    /// <summary>Pushes the base network as root over SSH; asserts it was accepted and applied.</summary>
    protected async Task PushBaseNetworkAsync()
    {
        var root = await ClientAsync("root");
        ServedNetwork.WriteBase(root);
        var (_, push) = await root.CommitAndPushAsync("base network", identity: null);
        push.ExitCode.ShouldBe(0, push.ToString());
        (await DataKeysAsync()).ShouldContainKey("/sigil/nodes/core/core-3");
    }

    protected Task<Dictionary<string, string>> DataKeysAsync() => Parts.DataKeysAsync();
}
