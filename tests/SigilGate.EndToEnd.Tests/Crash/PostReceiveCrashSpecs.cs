namespace SigilGate.EndToEnd.Tests.Crash;

/// <summary>post-receive killed (SIGKILL) at each step of its apply: the push stands, and 'sigil apply' converges.</summary>
public class PostReceiveCrashSpecs : ApplyCrashScenario
{
    [TestCaseSource(typeof(ApplyCrashPoints), nameof(ApplyCrashPoints.All))]
    public async Task A_post_receive_killed_mid_apply_leaves_the_push_accepted_and_sigil_apply_converges(string point, int appliedAfterCrash, bool halfWritten, int noteRecoveredFor)
    {
        var (baseSha, commits) = await PrepareTwoCommitsAsync();

        var push = await SigilGate.Testing.Git.Processes.RunAsync("git", ["push", "origin", "HEAD:refs/heads/main"], Clone.Path,
            Environment.With(("SIGIL_IDENTITY", "root"), (CrashAt, point)));

        // git ignores post-receive's fate: the push is accepted, the hook's death is only reported.
        push.ExitCode.ShouldBe(0, push.ToString());
        push.StandardError.ShouldContain($"sigil: crash point {Name(point)} reached", Case.Sensitive, push.ToString());
        push.StandardError.ShouldContain("post-receive died of signal 9", Case.Sensitive, push.ToString());
        (await Bare.TipAsync()).ShouldBe(commits[^1]);
        var afterCrash = await CrashShouldHaveLeftAsync(baseSha, commits, appliedAfterCrash, halfWritten);

        var apply = await Bare.SigilAsync("apply", "--repo", Bare.Path);

        apply.ExitCode.ShouldBe(0, apply.ToString());
        await Convergence.EtcdShouldHoldTheBranchTipAsync();
        await WrittenBeforeTheCrashShouldBeWrittenOnceAsync(afterCrash);
        await Convergence.DriftShouldReportNothingBut();
        await NotesShouldBeWrittenAsync(commits, noteRecoveredFor);
    }
}
