using System.Diagnostics;
using System.Globalization;

namespace ParserStartup.Timing;

/// <summary>Wall time of one process from just before its start to its exit with both pipes drained (as git sees a hook).</summary>
internal static class Runs
{
    /// <summary>Five unmeasured rounds first (page cache, the loader), then <paramref name="runs"/> of each variant, in turns.</summary>
    public static async Task<(Stats A, Stats B)> AlternateAsync(string a, string b, string[] arguments, int runs)
    {
        for (var i = 0; i < 5; i++)
        {
            await TimeOnceAsync(a, arguments).ConfigureAwait(false);
            await TimeOnceAsync(b, arguments).ConfigureAwait(false);
        }

        var (first, second) = (new List<double>(), new List<double>());
        for (var i = 0; i < runs; i++)
        {
            // Which variant goes first changes every round: the second of two starts may find the pages warmer.
            if (i % 2 == 0)
            {
                first.Add(await TimeOnceAsync(a, arguments).ConfigureAwait(false));
                second.Add(await TimeOnceAsync(b, arguments).ConfigureAwait(false));
            }
            else
            {
                second.Add(await TimeOnceAsync(b, arguments).ConfigureAwait(false));
                first.Add(await TimeOnceAsync(a, arguments).ConfigureAwait(false));
            }
        }

        return (new Stats(first), new Stats(second));
    }

    public static async Task<Stats> TimeAsync(string program, string[] arguments, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i < runs + 5; i++)
        {
            var time = await TimeOnceAsync(program, arguments).ConfigureAwait(false);
            if (i >= 5) times.Add(time);
        }

        return new Stats(times);
    }

    private static async Task<double> TimeOnceAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        await Task.WhenAll(output, error).ConfigureAwait(false);
        return clock.Elapsed.TotalMilliseconds;
    }
}

/// <summary>Median, p90 and minimum of a list of milliseconds.</summary>
internal sealed class Stats(List<double> values)
{
    private readonly double[] _sorted = [.. values.Order()];

    public double Median => At(0.5);

    public double P90 => At(0.9);

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"median {Median:0.00} ms (p90 {P90:0.00}, min {_sorted[0]:0.00})");

    private double At(double p)
    {
        var rank = p * (_sorted.Length - 1);
        var (low, high) = ((int)Math.Floor(rank), (int)Math.Ceiling(rank));
        return _sorted[low] + ((_sorted[high] - _sorted[low]) * (rank - low));
    }
}
