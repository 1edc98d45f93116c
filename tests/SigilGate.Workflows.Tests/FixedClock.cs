namespace SigilGate.Workflows.Tests;

/// <summary>
/// A clock that stands still (and moves only when told): receipts and pointers carry a known time.
/// Waits on it (<c>Task.Delay(delay, clock)</c>) are recorded in <see cref="Waits"/> and end at once;
/// with <see cref="WaitsPass"/> each wait also moves the clock on by its length. Elapsed time
/// (<see cref="TimeProvider.GetElapsedTime(long)"/>) is read from <see cref="Now"/>.
/// </summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly List<TimeSpan> waits = [];

    public FixedClock()
        : this(Noon)
    {
    }

    public DateTimeOffset Now { get; set; } = now;

    /// <summary>Whether a wait moves <see cref="Now"/> on by its length (a run's time budget then runs out).</summary>
    public bool WaitsPass { get; init; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (waits) return [.. waits];
        }
    }

    public override DateTimeOffset GetUtcNow() => Now;

    public override long GetTimestamp() => Now.UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (waits)
        {
            waits.Add(dueTime);
            if (WaitsPass) Now += dueTime;
        }

        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new ElapsedTimer();
    }

    private sealed class ElapsedTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
