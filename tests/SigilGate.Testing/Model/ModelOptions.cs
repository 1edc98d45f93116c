using System.Globalization;

namespace SigilGate.Testing.Model;

/// <summary>
/// What one model run does: its seed (every choice of the run derives from it), and its bounds
/// (whichever comes first: the number of steps or the time).
/// </summary>
public sealed record ModelOptions(int Seed, int MaxSteps, TimeSpan Duration)
{
    /// <summary>Replays a run: the seed a failure printed. Only that seed runs.</summary>
    public const string SeedVariable = "SIGIL_MODEL_SEED";

    /// <summary>Minutes for the whole test (all seeds together); default 3.</summary>
    public const string MinutesVariable = "SIGIL_MODEL_MINUTES";

    /// <summary>Steps per seed at most; default 60, or 100,000 when minutes are given.</summary>
    public const string StepsVariable = "SIGIL_MODEL_STEPS";

    /// <summary>
    /// The runs of one test: the given seed alone, or <paramref name="defaultSeeds"/> fresh ones,
    /// sharing the time budget equally.
    /// </summary>
    public static IReadOnlyList<ModelOptions> FromEnvironment(int defaultSeeds)
    {
        var minutes = ReadDouble(MinutesVariable);
        var steps = (int?)ReadDouble(StepsVariable) ?? (minutes is null ? 60 : 100_000);
        var total = TimeSpan.FromMinutes(minutes ?? 3);
        if (ReadDouble(SeedVariable) is { } given) return [new ModelOptions((int)given, steps, total)];

        var source = new Random();
        return Enumerable.Range(0, defaultSeeds).Select(_ => new ModelOptions(source.Next(1, 1_000_000), steps, total / defaultSeeds)).ToList();
    }

    private static double? ReadDouble(string variable)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text)) return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new ArgumentException($"{variable}={text}: expected a number >= 0");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"seed {Seed} (at most {MaxSteps} steps, {Duration.TotalSeconds:0} s)");
}
