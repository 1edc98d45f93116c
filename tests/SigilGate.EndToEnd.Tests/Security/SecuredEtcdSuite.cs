using SigilGate.EndToEnd.Tests.Hooks;
using SigilGate.EndToEnd.Tests.Pusher;
using SigilGate.Testing;
using SigilGate.Testing.Git;

namespace SigilGate.EndToEnd.Tests.Security;

/// <summary>
/// The whole suite (post-receive, sigil apply, sigil drift, sigil push) against an etcd that
/// demands something of its clients, configured only through sigil.json. Each fixture says what
/// etcd demands, how to get it wrong, and which secrets are in play: none may ever show up in a
/// process's output, in the git notes and commits, or in the suite's own keys in etcd.
/// </summary>
public abstract class SecuredEtcdSuite
{
    protected const string Prefix = "/sigil";
    private const string Down = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T11:00:00Z\",\"status\":\"down\"}";
    private readonly List<(string What, ProcessResult Result)> outputs = [];
    private readonly List<NodeClone> nodes = [];

    protected string Directory { get; private set; } = null!;

    protected EtcdServer Etcd { get; private set; } = null!;

    private protected SecretMaterial Secrets { get; } = new();

    private GitEnvironment Environment { get; set; } = null!;

    private BareRepository Bare { get; set; } = null!;

    private Clone Clone { get; set; } = null!;

    /// <summary>What sigil.json needs for this etcd.</summary>
    protected abstract EtcdAccess Access { get; }

    /// <summary>The same settings with one thing wrong (a password, a CA).</summary>
    protected abstract EtcdAccess WrongAccess { get; }

    /// <summary>What the one error line must say about <see cref="WrongAccess"/>.</summary>
    protected abstract string WrongAccessMessage { get; }

    /// <summary>etcdctl flags of an administrator (a node agent writing directly, the test reading everything).</summary>
    protected virtual string[] AdminFlags => [];

    /// <summary>Starts etcd with its demands in <see cref="Directory"/> and adds the secrets involved to <see cref="Secrets"/>.</summary>
    protected abstract Task<EtcdServer> StartEtcdAsync();

    [SetUp]
    public async Task CreateEtcdAndRepository()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("sigil-secured-").FullName;
        Etcd = await StartEtcdAsync();
        Environment = new GitEnvironment();
        Bare = await BareRepository.CreateAsync(Environment, Etcd.Endpoint, Prefix, access: Access);
        Clone = await Clone.OfAsync(Bare);
    }

    // NUnit runs TearDown after a failed SetUp too: what the set-up never started is null, and
    // what is disposed is set to null, as NUnit reuses the fixture object for the next test.
    [TearDown]
    public async Task RemoveEverything()
    {
        nodes.ForEach(n => n.Dispose());
        nodes.Clear();
        await TestResources.DisposeAsync(Clone, Bare, Environment, Etcd);
        (Clone, Bare, Environment, Etcd) = (null!, null!, null!, null!);
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }

    [Test]
    public async Task A_push_is_applied_and_sigil_apply_drift_and_push_all_work()
    {
        await PushBaseNetworkAsync();
        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        var second = await Clone.CommitAllAsync("operator adds e-3");
        var push = await RunAsync("operator push", Clone.PushAsync("alice"));
        push.ExitCode.ShouldBe(0, push.ToString());
        SigilLines(push).ShouldHaveSingleItem().ShouldStartWith($"remote: sigil: applied {second[..7]} to etcd");

        await AdminEtcdctlAsync("put", Prefix + "/state/core-1/entries/e-10", Down);
        var mirror = await RunAsync("sigil push", (await NodeAsync(Access)).PushAsync());
        mirror.ExitCode.ShouldBe(0, mirror.ToString());
        mirror.StandardError.ShouldContain("sigil: pushed 1 record");
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-10.yaml")).StandardOutput.ShouldContain("status: down");

        var apply = await RunAsync("sigil apply", Bare.SigilAsync("apply", "--repo", Bare.Path));
        apply.ExitCode.ShouldBe(0, apply.ToString());
        var drift = await RunAsync("sigil drift", Bare.SigilAsync("drift", "--repo", Bare.Path));
        drift.ExitCode.ShouldBe(0, drift.ToString());
        drift.StandardOutput.ShouldContain("sigil: in sync");
        (await AdminEtcdctlAsync("get", Prefix + "/nodes/entry/e-3", "--print-value-only")).Trim()
            .ShouldBe("{\"address\":\"10.0.0.3:443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-3\"}");

        await NothingSecretIsRevealedAsync();
    }

    [Test]
    public async Task With_one_setting_wrong_every_command_fails_in_one_clear_line_and_the_push_stays_pending()
    {
        await PushBaseNetworkAsync();
        Bare.WriteSettings(Etcd.Endpoint, Prefix, WrongAccess);
        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        var pending = await Clone.CommitAllAsync("operator adds e-3");

        var push = await RunAsync("operator push", Clone.PushAsync("alice"));
        push.ExitCode.ShouldBe(0, push.ToString());
        (await Bare.TipAsync()).ShouldBe(pending);
        var line = SigilLines(push).ShouldHaveSingleItem();
        line.ShouldContain(WrongAccessMessage);
        line.ShouldContain($"apply of {pending[..7]} is pending");

        ShouldFailInOneLine(await RunAsync("sigil apply", Bare.SigilAsync("apply", "--repo", Bare.Path)));
        ShouldFailInOneLine(await RunAsync("sigil drift", Bare.SigilAsync("drift", "--repo", Bare.Path)));
        ShouldFailInOneLine(await RunAsync("sigil push", (await NodeAsync(WrongAccess)).PushAsync()));

        // Put right, the next run applies what was kept pending.
        Bare.WriteSettings(Etcd.Endpoint, Prefix, Access);
        var apply = await RunAsync("sigil apply", Bare.SigilAsync("apply", "--repo", Bare.Path));
        apply.ExitCode.ShouldBe(0, apply.ToString());
        apply.StandardError.ShouldContain($"sigil: applied {pending[..7]} to etcd");

        await NothingSecretIsRevealedAsync();
    }

    private void ShouldFailInOneLine(ProcessResult result)
    {
        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardOutput.ShouldBeEmpty();
        var line = result.StandardError.TrimEnd().Split('\n').ShouldHaveSingleItem();
        line.ShouldStartWith("sigil: error: ");
        line.ShouldContain(WrongAccessMessage);
    }

    private async Task PushBaseNetworkAsync()
    {
        Network.WriteBase(Clone);
        var sha = await Clone.CommitAllAsync("base network");
        var push = await RunAsync("base push", Clone.PushAsync("root"));
        push.ExitCode.ShouldBe(0, push.ToString());
        SigilLines(push).ShouldHaveSingleItem().ShouldStartWith($"remote: sigil: applied {sha[..7]} to etcd");
    }

    private async Task<NodeClone> NodeAsync(EtcdAccess access)
    {
        var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint, access);
        nodes.Add(node);
        return node;
    }

    private async Task<ProcessResult> RunAsync(string what, Task<ProcessResult> running)
    {
        var result = await running;
        outputs.Add((what, result));
        await TestContext.Out.WriteLineAsync($"{what}: exit {result.ExitCode}\n{result.StandardOutput}{result.StandardError}");
        return result;
    }

    /// <summary>Every output of the suite's processes, the repository with its notes, the pushers' journals and every key under the prefix.</summary>
    private async Task NothingSecretIsRevealedAsync()
    {
        outputs.ShouldNotBeEmpty();
        foreach (var (what, result) in outputs)
        {
            Secrets.ShouldNotAppearIn(result.StandardOutput + result.StandardError, what);
            result.StandardError.ShouldNotContain("   at ", Case.Sensitive, $"{what} printed a stack trace");
        }

        var history = await Bare.GitAsync("log", "--all", "-p", "--notes=sigil");
        history.StandardOutput.ShouldContain("Notes (sigil):");
        Secrets.ShouldNotAppearIn(history.StandardOutput, "the repository's history and notes");
        foreach (var journal in nodes.Select(n => Path.Combine(n.Clone.Path, ".git", "sigil-push.json")).Where(File.Exists))
        {
            Secrets.ShouldNotAppearIn(File.ReadAllText(journal), "the pusher's journal");
        }

        var keys = await AdminEtcdctlAsync("get", "--prefix", Prefix + "/");
        keys.ShouldContain(Prefix + "/.sigil/applied");
        Secrets.ShouldNotAppearIn(keys, "the keys under " + Prefix);
    }

    private Task<string> AdminEtcdctlAsync(params string[] arguments) => Etcd.EtcdctlAsync([.. AdminFlags, .. arguments]);

    private static string[] SigilLines(ProcessResult push) =>
        push.StandardError.Split('\n').Select(l => l.TrimEnd()).Where(l => l.StartsWith("remote: sigil:", StringComparison.Ordinal)).ToArray();
}
