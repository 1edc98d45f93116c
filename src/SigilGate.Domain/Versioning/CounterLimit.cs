using System.Globalization;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Versioning;

/// <summary>
/// The largest version counter the suite reads or makes: 2^53-1. Every JSON reader keeps it exact
/// (a double holds it), it is far above Unix seconds (a counter follows commit times) and etcd
/// revisions (raw writes count from them), and a counter can never reach 2^63 and wrap around to
/// a negative number, which would make the next change look older than the last.
/// </summary>
public static class CounterLimit
{
    public const long Max = (1L << 53) - 1;

    /// <summary>The message for a counter above <see cref="Max"/>, as read (<paramref name="counter"/> may not fit a long).</summary>
    public static string TooLarge(string writer, string counter) =>
        $"counter for writer {MessageText.Clean(writer)} is {MessageText.Clean(counter)}, above the largest allowed {Max.ToString(CultureInfo.InvariantCulture)}";

    /// <summary><paramref name="counter"/> plus one; an <see cref="OverflowException"/> past <see cref="Max"/>, never a silent wrap.</summary>
    public static long Next(string writer, long counter) => counter < Max
        ? checked(counter + 1)
        : throw new OverflowException($"counter for writer {MessageText.Clean(writer)} is at the largest allowed {Max.ToString(CultureInfo.InvariantCulture)} and cannot count another change");

    /// <summary>A counter that must stay at most <see cref="Max"/> (a clock reading used as a counter).</summary>
    public static long Bounded(string writer, long counter) => counter <= Max
        ? counter
        : throw new OverflowException(TooLarge(writer, counter.ToString(CultureInfo.InvariantCulture)));
}
