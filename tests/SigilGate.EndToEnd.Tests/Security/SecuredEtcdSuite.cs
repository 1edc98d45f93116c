using SigilGate.EndToEnd.Tests.Pusher;

namespace SigilGate.EndToEnd.Tests.Security;

/// <summary>
/// The whole suite (post-receive, sigil apply, sigil drift, sigil push) against an etcd that
/// demands something of its clients (<see cref="SecuredEtcd"/>), configured only through sigil.json.
/// Each fixture says what etcd demands; with one setting wrong (the CA under TLS alone, else the
/// password) every command must fail in one clear line. No password or private key may ever show up
/// in a process's output, in the git notes and commits, or in the suite's own keys in etcd.
/// </summary>
public abstract class SecuredEtcdSuite : HookedRepositoryBase<SecuredEtcd>
{
    private const string Down = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T11:00:00Z\",\"status\":\"down\"}";
    private readonly List<(string What, ProcessResult Result)> outputs = [];

    /// <summary>What etcd demands of its clients.</summary>
    protected abstract EtcdDemands Demands { get; }

    private EtcdAccess Access => Etcd.Access;

    private EtcdAccess WrongAccess => Demands == EtcdDemands.Tls
        ? Access with { CaFile = Etcd.OtherCertificates!.CaFile }
        : Access with { PasswordFile = Etcd.WrongPasswordFile };

    private string WrongAccessMessage => Demands == EtcdDemands.Tls
        ? $"TLS handshake with etcd at {Etcd.Endpoints} failed: etcd's server certificate does not chain to the CA in {Etcd.OtherCertificates!.CaFile} (Etcd:CaFile)"
        : $"etcd authentication failed for user '{SecuredEtcd.User}'";

    protected override Task<SecuredEtcd> StartEtcdAsync() => SecuredEtcd.StartAsync(Demands);

    protected override EtcdAccess AccessTo(SecuredEtcd etcd) => etcd.Access;

    [Test]
    public async Task A_push_is_applied_and_sigil_apply_drift_and_push_all_work()
    {
        await PushBaseNetworkAsync();
        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        var second = await Clone.CommitAllAsync("operator adds e-3");
        var push = await RunAsync("operator push", Clone.PushAsync("alice"));
        push.ExitCode.ShouldBe(0, push.ToString());
        SigilLines(push).ShouldHaveSingleItem().ShouldStartWith($"remote: sigil: applied {second[..7]} to etcd");

        await Etcd.EtcdctlAsync("put", Prefix + "/state/core-1/entries/e-10", Down);
        var mirror = await RunAsync("sigil push", (await NodeAsync(Access)).PushAsync());
        mirror.ExitCode.ShouldBe(0, mirror.ToString());
        mirror.StandardError.ShouldContain(PushLines.Of("pushed 1 record"));
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-10.yaml")).StandardOutput.ShouldContain("status: down");

        var apply = await RunAsync("sigil apply", Bare.SigilAsync("apply", "--repo", Bare.Path));
        apply.ExitCode.ShouldBe(0, apply.ToString());
        var drift = await RunAsync("sigil drift", Bare.SigilAsync("drift", "--repo", Bare.Path));
        drift.ExitCode.ShouldBe(0, drift.ToString());
        drift.StandardOutput.ShouldContain("sigil: in sync");
        // Members and leader are read by a user whose role reaches the prefix only.
        var status = await RunAsync("sigil status", Bare.SigilAsync("status", "--repo", Bare.Path));
        status.ExitCode.ShouldBe(0, status.ToString());
        status.StandardOutput.ShouldContain("etcd:          1 member (");
        (await Etcd.EtcdctlAsync("get", Prefix + "/nodes/entry/e-3", "--print-value-only")).Trim()
            .ShouldBe("{\"address\":\"10.0.0.3:443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-3\"}");

        await NothingSecretIsRevealedAsync();
    }

    [Test]
    public async Task With_one_setting_wrong_every_command_fails_in_one_clear_line_and_the_push_stays_pending()
    {
        await PushBaseNetworkAsync();
        Bare.WriteSettings(Etcd.Endpoints, Prefix, WrongAccess);
        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        var pending = await Clone.CommitAllAsync("operator adds e-3");

        var push = await RunAsync("operator push", Clone.PushAsync("alice"));
        push.ExitCode.ShouldBe(0, push.ToString());
        (await Bare.TipAsync()).ShouldBe(pending);
        var line = SigilLines(push).ShouldHaveSingleItem();
        line.ShouldContain(WrongAccessMessage);
        line.ShouldContain($"apply of {pending[..7]} is pending");

        ShouldFailInOneLine(await RunAsync("sigil apply", Bare.SigilAsync("apply", "--repo", Bare.Path)), "sigil: error: ");
        ShouldFailInOneLine(await RunAsync("sigil drift", Bare.SigilAsync("drift", "--repo", Bare.Path)), "sigil: error: ");

        // sigil status still shows Git's side, and etcd's line says why etcd could not be read.
        var status = await RunAsync("sigil status", Bare.SigilAsync("status", "--repo", Bare.Path));
        status.ExitCode.ShouldBe(1, status.ToString());
        status.StandardOutput.Split('\n').ShouldContain(l => l.StartsWith("etcd:          ", StringComparison.Ordinal) && l.Contains(WrongAccessMessage, StringComparison.Ordinal), status.ToString());

        // sigil push's lines start with the time, then the same words.
        ShouldFailInOneLine(await RunAsync("sigil push", (await NodeAsync(WrongAccess)).PushAsync()), PushLines.Of("error: "));

        // Put right, the next run applies what was kept pending.
        Bare.WriteSettings(Etcd.Endpoints, Prefix, Access);
        var apply = await RunAsync("sigil apply", Bare.SigilAsync("apply", "--repo", Bare.Path));
        apply.ExitCode.ShouldBe(0, apply.ToString());
        apply.StandardError.ShouldContain($"sigil: applied {pending[..7]} to etcd");

        await NothingSecretIsRevealedAsync();
    }

    private void ShouldFailInOneLine(ProcessResult result, string start)
    {
        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardOutput.ShouldBeEmpty();
        var line = result.StandardError.TrimEnd().Split('\n').ShouldHaveSingleItem();
        if (start.StartsWith("sigil push ", StringComparison.Ordinal))
        {
            var (time, rest) = line.Split(' ', 2) is [var t, var r] ? (t, r) : (line, "");
            DateTimeOffset.TryParse(time, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out _).ShouldBeTrue(line);
            line = rest;
        }

        line.ShouldStartWith(start);
        line.ShouldContain(WrongAccessMessage);
    }

    protected override void BaseNetworkPushed(string sha, ProcessResult push)
    {
        Record("base push", push);
        SigilLines(push).ShouldHaveSingleItem().ShouldStartWith($"remote: sigil: applied {sha[..7]} to etcd");
    }

    // The node's clone is removed with the repository.
    private async Task<NodeClone> NodeAsync(EtcdAccess access) => NodeClone.Of(await Repository.CloneAsync(), "core-1", Etcd.Endpoints, Bare.Binaries, access);

    private async Task<ProcessResult> RunAsync(string what, Task<ProcessResult> running) => Record(what, await running);

    private ProcessResult Record(string what, ProcessResult result)
    {
        outputs.Add((what, result));
        TestContext.Out.WriteLine($"{what}: exit {result.ExitCode}\n{result.StandardOutput}{result.StandardError}");
        return result;
    }

    /// <summary>Every output of the suite's processes, the repository with its notes, the pushers' journals and every key under the prefix.</summary>
    private async Task NothingSecretIsRevealedAsync()
    {
        outputs.ShouldNotBeEmpty();
        var secrets = new SecretMaterial();
        foreach (var password in Etcd.Passwords) secrets.AddPassword(password);
        if (Demands.HasFlag(EtcdDemands.Tls)) secrets.AddPrivateKeysIn(Etcd.Directory);
        foreach (var (what, result) in outputs)
        {
            secrets.ShouldNotAppearIn(result.StandardOutput + result.StandardError, what);
            result.StandardError.ShouldNotContain("   at ", Case.Sensitive, $"{what} printed a stack trace");
        }

        var history = await Bare.GitAsync("log", "--all", "-p", "--notes=sigil");
        history.StandardOutput.ShouldContain("Notes (sigil):");
        secrets.ShouldNotAppearIn(history.StandardOutput, "the repository's history and notes");
        foreach (var journal in Repository.Clones.Select(c => Path.Combine(c.Path, ".git", "sigil-push.json")).Where(File.Exists))
        {
            secrets.ShouldNotAppearIn(File.ReadAllText(journal), "the pusher's journal");
        }

        var keys = await Etcd.EtcdctlAsync("get", "--prefix", Prefix + "/");
        keys.ShouldContain(Prefix + "/.sigil/applied");
        secrets.ShouldNotAppearIn(keys, "the keys under " + Prefix);
    }

}
