using System.Diagnostics;
using System.Text;

namespace SigilGate.Testing;

/// <summary>A run's time-stamped log, shared by all its actors: each line written out at once and kept, to print again with a failure.</summary>
public sealed class TimedLog(TextWriter output)
{
    private readonly Lock gate = new();
    private readonly StringBuilder lines = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();

    /// <summary>Seconds since the log started.</summary>
    public double Seconds => clock.Elapsed.TotalSeconds;

    public void Write(string line)
    {
        lock (gate)
        {
            lines.AppendLine(line);
            output.WriteLine(line);
        }
    }

    public override string ToString()
    {
        lock (gate) return lines.ToString();
    }
}
