using System.Diagnostics;
using System.Globalization;

namespace SigilGate.Testing.Soak;

/// <summary>A compact, time-stamped log of what every actor did, shared by all of them.</summary>
public sealed class SoakTrace(TextWriter output)
{
    private readonly Lock gate = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public double Seconds => clock.Elapsed.TotalSeconds;

    public void Line(string actor, string text)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{Seconds,7:0.00} {actor,-7} {text}");
        lock (gate) output.WriteLine(line);
    }
}
