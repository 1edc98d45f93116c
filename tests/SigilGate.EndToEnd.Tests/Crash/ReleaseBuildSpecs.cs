using SigilGate.EndToEnd.Tests.Pusher;

namespace SigilGate.EndToEnd.Tests.Crash;

/// <summary>The release executables (<c>$SIGIL_BIN</c>, artifacts/bin) have no crash points: SIGIL_CRASH_AT changes nothing.</summary>
public class ReleaseBuildSpecs : HookedRepository
{
    private const string CrashAt = "SIGIL_CRASH_AT";

    [Test]
    public async Task Release_hooks_and_sigil_apply_ignore_SIGIL_CRASH_AT()
    {
        Network.WriteBase(Clone);
        var sha = await Clone.CommitAllAsync("base network");

        var push = await Processes.RunAsync("git", ["push", "origin", "HEAD:refs/heads/main"], Clone.Path,
            Environment.With(("SIGIL_IDENTITY", "root"), (CrashAt, "apply.locked")));
        var apply = await Processes.RunAsync(Path.Combine(Bare.Binaries, "sigil"), ["apply", "--repo", Bare.Path], Bare.Path,
            Environment.With((CrashAt, "apply.pointer-read")));

        push.ExitCode.ShouldBe(0, push.ToString());
        push.StandardError.ShouldNotContain("crash point");
        push.StandardError.ShouldNotContain("died of signal");
        push.StandardError.ShouldContain($"applied {sha[..7]} to etcd");
        apply.ExitCode.ShouldBe(0, apply.ToString());
        (await Bare.SigilAsync("drift", "--repo", Bare.Path)).ExitCode.ShouldBe(0);
    }

    [Test]
    public async Task The_release_pusher_ignores_SIGIL_CRASH_AT()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T11:00:00Z\",\"status\":\"down\"}");

        var run = await node.PushAsync((CrashAt, "push.area-read"));

        run.ExitCode.ShouldBe(0, run.ToString());
        run.StandardError.ShouldNotContain("crash point");
        run.StandardError.ShouldContain(PushLines.Of("pushed 1 record"));
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
    }
}
