using System.Diagnostics;

namespace SigilGate.Bench;

/// <summary>Times consecutive phases of one run into per-phase samples, in the order first seen.</summary>
internal sealed class PhaseClock
{
    private readonly List<(string Name, Samples Times)> phases = [];
    private readonly Stopwatch clock = new();

    public void Start() => clock.Restart();

    /// <summary>Ends the current phase under <paramref name="name"/> and starts the next.</summary>
    public void Lap(string name)
    {
        var elapsed = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        Record(name, elapsed);
    }

    /// <summary>Adds a time measured elsewhere to the phase <paramref name="name"/>.</summary>
    public void Record(string name, double elapsed)
    {
        var index = phases.FindIndex(p => p.Name == name);
        if (index < 0)
        {
            phases.Add((name, new Samples()));
            index = phases.Count - 1;
        }

        phases[index].Times.Add(elapsed);
    }

    public async Task PrintAsync(TextWriter output, string indent)
    {
        var width = phases.Max(p => p.Name.Length);
        foreach (var (name, times) in phases)
        {
            await output.WriteLineAsync($"{indent}{name.PadRight(width)}  {times.Describe()}").ConfigureAwait(false);
        }

        // Indented phases are parts of a later one, timed alone: not counted twice.
        var total = phases.Where(p => !p.Name.StartsWith(' ')).Sum(p => p.Times.Median);
        await output.WriteLineAsync($"{indent}{"sum of medians (indented lines not counted)".PadRight(width)}  {Samples.Ms(total)}").ConfigureAwait(false);
    }
}
