using System.Collections.Immutable;

namespace SigilGate.Domain.Versioning;

/// <summary>
/// One counter per writer (<c>git</c>, a Core node id, <c>etcd</c> for unattributed raw writes).
/// A version has seen another when its vector is at least as large in every writer.
/// Immutable; a missing writer counts as 0.
/// </summary>
public sealed class VersionVector : IEquatable<VersionVector>
{
    private readonly ImmutableSortedDictionary<string, long> _counters;

    private VersionVector(ImmutableSortedDictionary<string, long> counters) => _counters = counters;

    public static VersionVector Empty { get; } = new(ImmutableSortedDictionary.Create<string, long>(StringComparer.Ordinal));

    /// <summary>A vector of these counters; one above <see cref="CounterLimit.Max"/> is an <see cref="OverflowException"/> (readers reject it first, with its line).</summary>
    public static VersionVector From(IEnumerable<KeyValuePair<string, long>> counters) =>
        new(counters.Where(c => c.Value > 0).ToImmutableSortedDictionary(c => c.Key, c => CounterLimit.Bounded(c.Key, c.Value), StringComparer.Ordinal));

    public IReadOnlyDictionary<string, long> Counters => _counters;

    public long this[string writer] => _counters.GetValueOrDefault(writer);

    public bool IsEmpty => _counters.IsEmpty;

    /// <summary>The writer's counter moved forward by one (a change by that writer).</summary>
    /// <remarks>Checked: at <see cref="CounterLimit.Max"/> it throws rather than wrap to a counter that looks older.</remarks>
    public VersionVector Bump(string writer) => With(writer, CounterLimit.Next(writer, this[writer]));

    /// <summary>
    /// The writer's counter moved to at least <paramref name="atLeast"/>: a hybrid clock, so that two
    /// changes by a writer that cannot count (Git commits edited by hand) still order by time.
    /// </summary>
    public VersionVector Bump(string writer, long atLeast) => With(writer, Math.Max(CounterLimit.Next(writer, this[writer]), CounterLimit.Bounded(writer, atLeast)));

    /// <summary>The pointwise maximum: a version that has seen both.</summary>
    public VersionVector Merge(VersionVector other)
    {
        var builder = _counters.ToBuilder();
        foreach (var (writer, counter) in other._counters)
        {
            if (counter > builder.GetValueOrDefault(writer)) builder[writer] = counter;
        }

        return new(builder.ToImmutable());
    }

    public Causality CompareTo(VersionVector other)
    {
        bool thisAhead = false, otherAhead = false;
        foreach (var writer in _counters.Keys.Union(other._counters.Keys, StringComparer.Ordinal))
        {
            var mine = this[writer];
            var theirs = other[writer];
            if (mine > theirs) thisAhead = true;
            if (theirs > mine) otherAhead = true;
        }

        return (thisAhead, otherAhead) switch
        {
            (false, false) => Causality.Equal,
            (true, false) => Causality.Dominates,
            (false, true) => Causality.DominatedBy,
            _ => Causality.Concurrent,
        };
    }

    /// <summary>True when this version has seen everything <paramref name="other"/> has.</summary>
    public bool Covers(VersionVector other) => CompareTo(other) is Causality.Equal or Causality.Dominates;

    private VersionVector With(string writer, long counter) => new(_counters.SetItem(writer, counter));

    public bool Equals(VersionVector? other) => other is not null && CompareTo(other) == Causality.Equal;

    public override bool Equals(object? obj) => Equals(obj as VersionVector);

    public override int GetHashCode() => _counters.Aggregate(0, (h, c) => HashCode.Combine(h, c.Key, c.Value));

    /// <summary>Compact, stable text: <c>{core-1:4, git:1732400000}</c>, as messages show it.</summary>
    public override string ToString() => "{" + string.Join(", ", _counters.Select(c => $"{c.Key}:{c.Value}")) + "}";
}
