using System.Net;
using SigilGate.Testing.Servers;

namespace SigilGate.EndToEnd.Tests.Servers;

/// <summary>
/// The hooks behind git http-backend, nginx and fcgiwrap with basic authentication, as deployed:
/// the server sets REMOTE_USER, the hooks run as www-data.
/// </summary>
public class HttpServerSpecs
{
    private const string Repository = "network";

    private static readonly Dictionary<string, string> Passwords = new(StringComparer.Ordinal)
    {
        ["root"] = "root-secret",
        [ServedNetwork.Operator] = "ann-secret",
        ["core-1"] = "core-1-secret",
    };

    private readonly List<Clone> clients = [];
    private EtcdServer etcd = null!;
    private GitEnvironment environment = null!;
    private HttpGitServer server = null!;
    private BareRepository served = null!;

    [SetUp]
    public async Task StartServers()
    {
        etcd = await EtcdServer.StartNewAsync();
        environment = new GitEnvironment();
    }

    [TearDown]
    public async Task StopServers()
    {
        await TestResources.DisposeAsync([.. clients, served, server, environment, etcd]);
        clients.Clear();
        (served, server, environment, etcd) = (null!, null!, null!, null!);
    }

    [Test]
    public async Task An_operator_pushes_over_http_and_the_push_is_applied_to_etcd()
    {
        await StartAndPushBaseAsync();
        var ann = await ClientAsync(ServedNetwork.Operator);
        ann.Write("nodes/entry/e-4.yaml", Network.Entry("e-4", "core-1", "10.0.0.4:443"));
        await ann.CommitAllAsync("operator adds e-4");

        var push = await ann.PushAsync(null);

        push.ExitCode.ShouldBe(0, push + server.Output);
        (await etcd.DataKeysAsync(SigilJson.Prefix))["/sigil/nodes/entry/e-4"].ShouldBe("{\"address\":\"10.0.0.4:443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-4\"}");
    }

    [Test]
    public async Task A_core_node_pushing_outside_its_area_over_http_is_rejected_with_the_sigil_lines()
    {
        await StartAndPushBaseAsync();
        var tip = await served.TipAsync();
        var core1 = await ClientAsync("core-1");
        core1.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443", enabled: false));
        await core1.CommitAllAsync("core-1 disables its entry's desired config");

        var push = await core1.PushAsync("root");

        push.ExitCode.ShouldNotBe(0, push.ToString());
        PushOutput.ErrorLines(push).ShouldBe(["remote: sigil: error: nodes/entry/e-1.yaml: identity core-1 may only change state/core-1/"], push.ToString());
        ServedNetwork.Lines(push).ShouldContain("remote: sigil: push rejected: 1 error", push.ToString());
        (await served.TipAsync()).ShouldBe(tip);
    }

    [Test]
    public async Task A_wrong_password_is_refused_by_the_server_before_any_hook_runs()
    {
        await StartAsync();
        var root = await ClientAsync("root");
        ServedNetwork.WriteBase(root);
        await root.CommitAllAsync("base network");
        (await root.GitAsync("remote", "set-url", "origin", server.Url(Repository, "root", "not-the-password"))).ExitCode.ShouldBe(0);

        var push = await root.PushAsync(null);

        (await server.ReceivePackStatusAsync(Repository, "root", "not-the-password")).ShouldBe(HttpStatusCode.Unauthorized);
        (await server.ReceivePackStatusAsync(Repository, "root", Passwords["root"])).ShouldBe(HttpStatusCode.OK);
        push.ExitCode.ShouldNotBe(0, push.ToString());
        push.StandardError.ShouldContain("Authentication failed", Case.Sensitive, push.ToString());
        push.StandardError.ShouldNotContain("sigil:", Case.Sensitive, push.ToString());
        (await served.TipAsync()).ShouldBeNull();
        (await etcd.KeysAsync(SigilJson.Prefix + "/")).ShouldBeEmpty();
    }

    [Test]
    public async Task A_push_works_when_fcgiwrap_was_started_from_a_root_shell_with_a_home_its_account_cannot_read()
    {
        await StartAndPushBaseAsync(fcgiwrapHome: "/root");
        var ann = await ClientAsync(ServedNetwork.Operator);
        ann.Write("network.yaml", "name: test-net\nsync_interval: 45s\n");
        await ann.CommitAllAsync("operator slows the sync down");

        var push = await ann.PushAsync(null);

        push.ExitCode.ShouldBe(0, push.ToString());
        (await etcd.DataKeysAsync(SigilJson.Prefix))["/sigil/network"].ShouldContain("\"sync_interval\":\"45s\"");
    }

    private async Task StartAsync(string? fcgiwrapHome = null)
    {
        server = await HttpGitServer.StartAsync(Passwords, fcgiwrapHome);
        await server.CreateRepositoryAsync(Repository, etcd.Endpoint);
        served = BareRepository.Served(server.RepositoryPath(Repository), environment);
    }

    /// <summary>Starts the server and pushes the base network as root over HTTP; asserts it was applied.</summary>
    private async Task StartAndPushBaseAsync(string? fcgiwrapHome = null)
    {
        await StartAsync(fcgiwrapHome);
        var root = await ClientAsync("root");
        ServedNetwork.WriteBase(root);
        await root.CommitAllAsync("base network");
        var push = await root.PushAsync(null);
        push.ExitCode.ShouldBe(0, push + server.Output);
        (await etcd.DataKeysAsync(SigilJson.Prefix)).ShouldContainKey("/sigil/nodes/core/core-3");
    }

    /// <summary>A clone over HTTP whose remote URL carries <paramref name="user"/>'s password; removed after the test.</summary>
    private async Task<Clone> ClientAsync(string user)
    {
        var clone = await Clone.OfUrlAsync(server.Url(Repository, user, Passwords[user]), environment);
        clients.Add(clone);
        return clone;
    }
}
