using System.Globalization;

namespace SigilGate.Testing.Soak;

/// <summary>A compact, time-stamped log of what every actor did, shared by all of them.</summary>
public sealed class SoakTrace(TextWriter output)
{
    private readonly TimedLog log = new(output);

    public double Seconds => log.Seconds;

    public void Line(string actor, string text) => log.Write(string.Create(CultureInfo.InvariantCulture, $"{Seconds,7:0.00} {actor,-7} {text}"));
}
