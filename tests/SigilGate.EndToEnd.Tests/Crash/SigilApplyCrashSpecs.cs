namespace SigilGate.EndToEnd.Tests.Crash;

/// <summary>'sigil apply' (the cron catch-up) killed (SIGKILL) at each step: the next 'sigil apply' converges.</summary>
public class SigilApplyCrashSpecs : ApplyCrashScenario
{
    [TestCaseSource(typeof(ApplyCrashPoints), nameof(ApplyCrashPoints.All))]
    public async Task A_sigil_apply_killed_mid_apply_is_completed_by_the_next_run(string point, int appliedAfterCrash, bool halfWritten, int noteRecoveredFor)
    {
        var (baseSha, commits) = await PrepareTwoCommitsAsync();

        // post-receive dies before it applies anything: both commits are left to 'sigil apply'.
        var push = await SigilGate.Testing.Git.Processes.RunAsync("git", ["push", "origin", "HEAD:refs/heads/main"], Clone.Path,
            Environment.With(("SIGIL_IDENTITY", "root"), (CrashAt, "apply.locked")));
        push.ExitCode.ShouldBe(0, push.ToString());
        await Convergence.DriftShouldReportNothingBut("apply-pending", "changed-in-etcd", "missing-in-etcd", "only-in-etcd");

        var killed = await SigilGate.Testing.Git.Processes.RunAsync(Path.Combine(Bare.Binaries, "sigil"), ["apply", "--repo", Bare.Path], Bare.Path,
            Environment.With((CrashAt, point)));
        ShouldHaveBeenKilledAt(killed, point);
        var afterCrash = await CrashShouldHaveLeftAsync(baseSha, commits, appliedAfterCrash, halfWritten);

        var rerun = await Bare.SigilAsync("apply", "--repo", Bare.Path);

        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        await Convergence.EtcdShouldHoldTheBranchTipAsync();
        await WrittenBeforeTheCrashShouldBeWrittenOnceAsync(afterCrash);
        await Convergence.DriftShouldReportNothingBut();
        await NotesShouldBeWrittenAsync(commits, noteRecoveredFor);
    }
}
