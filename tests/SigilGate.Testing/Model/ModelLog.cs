using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SigilGate.Testing.Model;

/// <summary>The compact step log of a run: one line per step and per notable outcome, printed with every failure.</summary>
public sealed class ModelLog(TextWriter output)
{
    private readonly StringBuilder lines = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public int Step { get; set; }

    public void Line(string text)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,6:0.0}s #{Step,-3} {text}");
        lock (lines) lines.AppendLine(line);
        output.WriteLine(line);
    }

    public override string ToString()
    {
        lock (lines) return lines.ToString();
    }
}
