namespace SigilGate.Domain.Drift;

/// <summary>A difference and how long it has been so (since <see cref="FirstSeen"/>, in whole seconds).</summary>
public sealed record AgedDifference(Difference Difference, DateTimeOffset FirstSeen, long AgeSeconds);
