namespace SigilGate.EndToEnd.Tests.Crash;

/// <summary>
/// A hooked repository whose hooks and <c>sigil</c> are the crash-point test build
/// (<see cref="SigilBinaries.CrashDirectory"/>): <c>SIGIL_CRASH_AT=&lt;point&gt;</c> in a process's
/// environment kills it with SIGKILL when it reaches that step.
/// </summary>
public abstract class CrashingRepository : HookedRepository
{
    protected const string CrashAt = "SIGIL_CRASH_AT";

    // 128 + SIGKILL (9): how a shell, CliWrap and .NET report a process killed by that signal.
    private const int KilledBySigkill = 137;

    protected override string? Binaries => SigilBinaries.CrashDirectory;

    /// <summary>The process died of SIGKILL at that point, and not somewhere else on the way there.</summary>
    protected static void ShouldHaveBeenKilledAt(ProcessResult run, string point)
    {
        run.ExitCode.ShouldBe(KilledBySigkill, run.ToString());
        run.StandardError.ShouldContain($"sigil: crash point {Name(point)} reached", Case.Sensitive, run.ToString());
    }

    /// <summary>The point's name without its occurrence (<c>apply.batch-committed#3</c> → <c>apply.batch-committed</c>).</summary>
    protected static string Name(string point) => point.Split('#')[0];

    /// <summary>Uses small transactions, so that one commit of a dozen records is applied in several batches.</summary>
    protected void UseSmallTransactions(int maxTxnOps) => Bare.WriteSettings(Etcd.Endpoint, Prefix, maxTxnOps: maxTxnOps);

    protected Convergence Convergence => new(Etcd, Bare, Prefix);
}
