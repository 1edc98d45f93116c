using System.Globalization;

namespace SigilGate.Testing.Model;

/// <summary>The compact step log of a run: one line per step and per notable outcome, printed with every failure.</summary>
public sealed class ModelLog(TextWriter output)
{
    private readonly TimedLog log = new(output);

    public int Step { get; set; }

    public void Line(string text) => log.Write(string.Create(CultureInfo.InvariantCulture, $"{log.Seconds,6:0.0}s #{Step,-3} {text}"));

    public override string ToString() => log.ToString();
}
