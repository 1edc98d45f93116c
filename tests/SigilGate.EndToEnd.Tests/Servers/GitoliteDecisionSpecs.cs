namespace SigilGate.EndToEnd.Tests.Servers;

/// <summary>
/// <c>sigil conflicts resolve</c> run on the server as the account that hosts gitolite's
/// repositories: the decision passes gitolite's own update hook and Sigil's hooks judge it.
/// </summary>
public class GitoliteDecisionSpecs : GitoliteRepository
{
    private const string StatePath = "state/core-1/entries/e-1.yaml";
    private const string StateKey = "/sigil/state/core-1/entries/e-1";

    private async Task<Dictionary<string, string>> KeptAsync() =>
        (await Parts.KeysAsync("/sigil/.sigil/conflicts/")).ToDictionary();

    /// <summary>The node's agent writes e-1's state in etcd; alice, who never saw it, pushes her own over ssh: one kept loser.</summary>
    private async Task KeepOneLoserAsync()
    {
        await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", StateKey, ServedNetwork.StateJson("down"));
        var alice = await ClientAsync(ServedNetwork.Operator);
        alice.Write(StatePath, "status: degraded\nlast_seen: 2026-11-23T10:00:00Z\ngrpc_path: /sigil.Entry/Report\n");
        var (_, push) = await alice.CommitAndPushAsync("e-1 degraded", identity: null);
        push.ExitCode.ShouldBe(0, push.ToString());
        (await KeptAsync()).Count.ShouldBe(1, push.ToString());
    }

    private Task<ProcessResult> ResolveAsAccountAsync(string identity) =>
        Server.Account.RunAsync(Path.Combine(SigilBinaries.Directory, "sigil"), "conflicts", "resolve", "--repo", Server.RepositoryPath(Repository), StatePath, "--keep-winner", "--identity", identity);

    [Test]
    public async Task A_decision_made_on_the_server_is_recorded_through_gitolite_s_repository()
    {
        await KeepOneLoserAsync();

        var resolve = await ResolveAsAccountAsync(ServedNetwork.Operator);

        resolve.ExitCode.ShouldBe(0, resolve.ToString());
        (await KeptAsync()).ShouldBeEmpty();
        var message = await Served.GitAsync("log", "-1", "--format=%an%n%B", "main");
        message.StandardOutput.ShouldStartWith($"{ServedNetwork.Operator}\n");
        message.StandardOutput.ShouldContain($"Sigil-Resolve: keep-winner {StatePath} ");
    }

    [Test]
    public async Task Sigil_s_policy_still_judges_a_decision_made_on_the_server()
    {
        await KeepOneLoserAsync();
        var tip = await Served.TipAsync();

        var resolve = await ResolveAsAccountAsync("core-2");

        resolve.ExitCode.ShouldBe(2, resolve.ToString());
        resolve.StandardError.ShouldContain("identity core-2 may only change state/core-2/");
        (await Served.TipAsync()).ShouldBe(tip);
        (await KeptAsync()).Count.ShouldBe(1);
    }
}
