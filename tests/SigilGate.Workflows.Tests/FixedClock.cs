namespace SigilGate.Workflows.Tests;

/// <summary>
/// A clock that stands still (and moves only when told): receipts and pointers carry a known time.
/// Waits on it (<c>Task.Delay(delay, clock)</c>) are recorded in <see cref="Waits"/> and end at once.
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

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (waits) return [.. waits];
        }
    }

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (waits) waits.Add(dueTime);
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
