namespace SigilGate.Workflows.Tests;

/// <summary>A clock that stands still (and moves only when told): receipts and pointers carry a known time.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public FixedClock()
        : this(Noon)
    {
    }

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
