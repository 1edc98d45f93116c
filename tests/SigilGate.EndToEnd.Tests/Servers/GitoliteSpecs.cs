using System.Security.Cryptography;

namespace SigilGate.EndToEnd.Tests.Servers;

/// <summary>The hooks behind gitolite over SSH, installed with install-server.sh, as deployed.</summary>
public class GitoliteSpecs : GitoliteRepository
{
    [Test]
    public async Task Hooks_installed_by_install_server_survive_gitolite_setup_and_an_admin_push()
    {
        await PushBaseNetworkAsync();
        var hooks = Path.Combine(Served.Path, "hooks");
        var installed = Hashes(hooks);
        installed.ShouldBe(Hashes(SigilBinaries.Directory), "install-server.sh did not install the published executables");

        await Server.SetupAsync();
        await Server.ConfigureAsync(Rules(24) + "\nrepo another\n    RW+ = root\n");

        Directory.Exists(Server.RepositoryPath("another")).ShouldBeTrue("the admin push did not reach gitolite");
        foreach (var hook in new[] { "pre-receive", "post-receive" })
        {
            new FileInfo(Path.Combine(hooks, hook)).LinkTarget.ShouldBeNull($"gitolite replaced {hook} with a link");
        }

        Hashes(hooks).ShouldBe(installed);
        var core1 = await ClientAsync("core-1");
        core1.Write("network.yaml", "name: taken-over\n");
        await core1.CommitAllAsync("core-1 edits the global settings");
        var push = await core1.PushAsync(null);
        push.ExitCode.ShouldNotBe(0, push.ToString());
        ServedNetwork.Lines(push).ShouldContain("remote: sigil: error: network.yaml: identity core-1 may only change state/core-1/", push.ToString());
    }

    [Test]
    public async Task The_identity_is_gitolites_user_even_when_the_client_sets_SIGIL_IDENTITY_and_asks_ssh_to_send_it()
    {
        await PushBaseNetworkAsync();
        var tip = await Served.TipAsync();
        var core1 = await ClientAsync("core-1");
        core1.Write("sigil.yaml", "roots: [root, core-1]\noperators: []\n");
        await core1.CommitAllAsync("core-1 makes itself a root");
        var sendIt = (await core1.GitAsync("config", "core.sshCommand")).StandardOutput.Trim() + " -o SendEnv=SIGIL_IDENTITY";
        (await core1.GitAsync("config", "core.sshCommand", sendIt)).ExitCode.ShouldBe(0);

        var push = await core1.PushAsync("root");

        push.ExitCode.ShouldNotBe(0, push.ToString());
        var lines = ServedNetwork.Lines(push);
        lines.ShouldContain("remote: sigil: error: sigil.yaml: identity core-1 may only change state/core-1/", push.ToString());
        lines.ShouldContain("remote: sigil: push rejected: 1 error");
        (await Served.TipAsync()).ShouldBe(tip);
    }

    public static IEnumerable<TestCaseData> Pushes()
    {
        yield return Allowed("root", "sigil.yaml", "roots: [root]\noperators: [operator-ann, operator-bob]\n", key: null);
        yield return Allowed(ServedNetwork.Operator, "network.yaml", "name: test-net\nsync_interval: 45s\n", "/sigil/network");
        yield return Allowed("core-1", "state/core-1/entries/e-1.yaml", Network.State("degraded"), "/sigil/state/core-1/entries/e-1");
        yield return Refused(ServedNetwork.Operator, "sigil.yaml", "roots: [root, operator-ann]\noperators: []\n",
            "sigil.yaml: identity operator-ann may not change sigil.yaml: only roots may");
        yield return Refused("core-1", "nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443", enabled: false),
            "nodes/entry/e-1.yaml: identity core-1 may only change state/core-1/");
        yield return Refused("core-2", "state/core-1/entries/e-1.yaml", Network.State("down"),
            "state/core-1/entries/e-1.yaml: identity core-2 may only change state/core-2/");
        yield return Refused("stranger", "network.yaml", "name: test-net\nsync_interval: 45s\n",
            "identity stranger may not push to main: not a root or operator in sigil.yaml, and not a Core node");
    }

    private static TestCaseData Allowed(string user, string path, string content, string? key) =>
        new TestCaseData(user, path, content, key, null).SetName($"Over gitolite, {user} may change {path}");

    private static TestCaseData Refused(string user, string path, string content, string error) =>
        new TestCaseData(user, path, content, null, error).SetName($"Over gitolite, {user} may not change {path} and is told why");

    [TestCaseSource(nameof(Pushes))]
    public async Task Each_identity_gets_what_the_policy_says(string user, string path, string content, string? appliedKey, string? error)
    {
        await PushBaseNetworkAsync();
        var tip = await Served.TipAsync();
        var before = await DataKeysAsync();
        var client = await ClientAsync(user);
        client.Write(path, content);
        await client.CommitAllAsync($"{user} changes {path}");

        var push = await client.PushAsync(null);

        if (error is null)
        {
            push.ExitCode.ShouldBe(0, push.ToString());
            (await Served.TipAsync()).ShouldNotBe(tip);
            if (appliedKey is not null) (await DataKeysAsync())[appliedKey].ShouldNotBe(before[appliedKey], push.ToString());
            return;
        }

        push.ExitCode.ShouldNotBe(0, push.ToString());
        var lines = ServedNetwork.Lines(push);
        PushOutput.ErrorLines(push).ShouldBe(["remote: sigil: error: " + error], push.ToString());
        lines.ShouldContain("remote: sigil: push rejected: 1 error", push.ToString());
        (await Served.TipAsync()).ShouldBe(tip);
        (await DataKeysAsync()).ShouldBe(before);
    }

    [Test]
    public async Task A_dry_run_through_gitolite_prints_the_etcd_operations_rejects_and_changes_nothing()
    {
        await PushBaseNetworkAsync();
        var tip = await Served.TipAsync();
        var before = await DataKeysAsync();
        var operatorClone = await ClientAsync(ServedNetwork.Operator);
        operatorClone.Write("nodes/entry/e-4.yaml", Network.Entry("e-4", "core-1", "10.0.0.4:443"));
        await operatorClone.CommitAllAsync("operator adds e-4");

        var push = await operatorClone.PushAsync(null, "-o", "sigil.dry-run", "HEAD:refs/heads/main");

        push.ExitCode.ShouldNotBe(0, push.ToString());
        var lines = ServedNetwork.Lines(push);
        lines.ShouldContain(l => l.StartsWith("remote: sigil: dry run: refs/heads/main ", StringComparison.Ordinal) && l.EndsWith(" would cause 1 record change in etcd:", StringComparison.Ordinal), push.ToString());
        lines.ShouldContain(l => l.StartsWith("remote: sigil:   ", StringComparison.Ordinal) && l.Contains("/sigil/nodes/entry/e-4", StringComparison.Ordinal), push.ToString());
        lines.ShouldContain("remote: sigil: dry run: push rejected, nothing was changed");
        (await Served.TipAsync()).ShouldBe(tip);
        (await DataKeysAsync()).ShouldBe(before);
    }

    private static Dictionary<string, string> Hashes(string hooks) =>
        new[] { "pre-receive", "post-receive", "sigil" }.ToDictionary(h => h, h => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(hooks, h)))));
}
