using System.Globalization;

namespace SigilGate.Bench;

/// <summary>Wall times in milliseconds of repeated runs, and the statistics quoted from them.</summary>
internal sealed class Samples
{
    private readonly List<double> values = [];

    public int Count => values.Count;

    public void Add(double milliseconds) => values.Add(milliseconds);

    public double Median => Percentile(0.5);

    public double Min => values.Count == 0 ? double.NaN : values.Min();

    public double P90 => Percentile(0.9);

    /// <summary>Linear interpolation between the closest ranks (the median of an even count is the mean of the middle two).</summary>
    public double Percentile(double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    /// <summary><c>median 12.3 ms (min 11.0, p90 14.2, n=30)</c>.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"median {Ms(Median)} (min {Min:0.0}, p90 {P90:0.0}, n={Count})");

    public static string Ms(double milliseconds) => string.Create(CultureInfo.InvariantCulture, $"{milliseconds:0.0} ms");
}
