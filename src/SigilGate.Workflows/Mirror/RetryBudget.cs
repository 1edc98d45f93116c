namespace SigilGate.Workflows.Mirror;

/// <summary>
/// When a run that lost the race for the branch tries again, and when it stops. Each pause is
/// drawn at random between zero and a ceiling that doubles with every loss up to a cap ("full
/// jitter"), and tries go on only while the run's time budget lasts, however many they are. Runs
/// started in the same cron second thus spread their retries out instead of colliding again in
/// lock-step, and a run still ends before the next one is due. Waits and the budget go through the
/// clock, so specs can drive them.
/// </summary>
public sealed class RetryBudget(TimeProvider clock, TimeSpan budget, TimeSpan firstCeiling, TimeSpan cap, Random random)
{
    private readonly long started = clock.GetTimestamp();
    private int losses;

    public TimeSpan Budget => budget;

    /// <summary>How long since this budget was opened (the run's start).</summary>
    public TimeSpan Elapsed => clock.GetElapsedTime(started);

    /// <summary>
    /// The pause before the next try after a lost race, never past the end of the budget; null when
    /// the budget is spent.
    /// </summary>
    public TimeSpan? NextPause()
    {
        var left = budget - Elapsed;
        if (left <= TimeSpan.Zero) return null;
        var ceiling = Math.Min(cap.TotalMilliseconds, firstCeiling.TotalMilliseconds * Math.Pow(2, Math.Min(losses, 30)));
        losses++;
        var pause = TimeSpan.FromMilliseconds(ceiling * random.NextDouble());
        return pause < left ? pause : left;
    }
}
