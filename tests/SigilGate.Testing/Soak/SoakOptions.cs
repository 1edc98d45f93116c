using System.Globalization;

namespace SigilGate.Testing.Soak;

/// <summary>
/// What a soak run does: its seed (every random choice of every actor derives from it), how long
/// the writers and the chaos run before quiescence, and the size of the network.
/// </summary>
public sealed record SoakOptions(int Seed, TimeSpan Duration, int Cores = 4, int EntriesPerCore = 3)
{
    /// <summary>Overrides the run's length in seconds (the benchmark runs longer).</summary>
    public const string SecondsVariable = "SIGIL_SOAK_SECONDS";

    /// <summary>Replays a run: the seed a failed run printed.</summary>
    public const string SeedVariable = "SIGIL_SOAK_SEED";

    /// <summary>Options from the environment, else the given length and a fresh seed.</summary>
    public static SoakOptions FromEnvironment(TimeSpan defaultDuration)
    {
        var seed = TestVariables.WholeNumber(SeedVariable) ?? Environment.TickCount & int.MaxValue;
        var seconds = TestVariables.WholeNumber(SecondsVariable);
        return new SoakOptions(seed, seconds is { } s ? TimeSpan.FromSeconds(s) : defaultDuration);
    }

    /// <summary>The Core node ids: core-1 .. core-N.</summary>
    public IReadOnlyList<string> CoreIds => Enumerable.Range(1, Cores).Select(i => $"core-{i}").ToList();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"seed {Seed}, {Duration.TotalSeconds:0} s, {Cores} cores x {EntriesPerCore} entries");
}
