namespace SigilGate.Testing.Soak;

/// <summary>Random pauses that end early, without throwing, when the run is told to stop.</summary>
internal static class SoakDelay
{
    public static async Task Between(Random random, int minimumMilliseconds, int maximumMilliseconds, CancellationToken stop)
    {
        try
        {
            await Task.Delay(random.Next(minimumMilliseconds, maximumMilliseconds), stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is not a failure.
        }
    }
}
