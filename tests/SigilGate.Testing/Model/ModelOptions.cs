using System.Globalization;

namespace SigilGate.Testing.Model;

/// <summary>
/// What one model run does: its seed (every choice of the run derives from it), and its bounds
/// (whichever comes first: the number of steps or the time).
/// </summary>
public sealed record ModelOptions(int Seed, int MaxSteps, TimeSpan Duration)
{
    /// <summary>
    /// Operation ids (comma-separated) never drawn: when a defect found often hides the others,
    /// skipping the step that finds it lets a run go on to the rest. Part of what a run replays.
    /// </summary>
    public const string SkipVariable = "SIGIL_MODEL_SKIP";

    public IReadOnlyCollection<string> Skip { get; init; } = [];

    /// <summary>Replays runs: the seed a failure printed, or several separated by commas (only those run), or <c>random</c>.</summary>
    public const string SeedVariable = "SIGIL_MODEL_SEED";

    /// <summary>Minutes for the whole test (all seeds together); default 3.</summary>
    public const string MinutesVariable = "SIGIL_MODEL_MINUTES";

    /// <summary>Steps per seed at most; default 60, or 100,000 when minutes are given.</summary>
    public const string StepsVariable = "SIGIL_MODEL_STEPS";

    /// <summary>
    /// The seeds run when none is given: each found a lost or misapplied change in an earlier
    /// version of the suite (merges either way round, reverts, same-second edits, a node's push
    /// taken for stale). A fixed set keeps a CI run repeatable; <c>SIGIL_MODEL_SEED=random</c>
    /// draws fresh ones, and a longer run finds more.
    /// </summary>
    public static readonly IReadOnlyList<int> RegressionSeeds = [1, 4, 9];

    /// <summary>
    /// The runs of one test: the given seeds, <paramref name="freshSeeds"/> fresh ones for
    /// <c>random</c>, else <see cref="RegressionSeeds"/>, sharing the time budget equally.
    /// </summary>
    public static IReadOnlyList<ModelOptions> FromEnvironment(int freshSeeds)
    {
        var minutes = TestVariables.Number(MinutesVariable);
        var steps = (int?)TestVariables.Number(StepsVariable) ?? (minutes is null ? 60 : 100_000);
        var total = TimeSpan.FromMinutes(minutes ?? 3);
        var skip = (System.Environment.GetEnvironmentVariable(SkipVariable) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = skip.Except(ModelOperations.All.Select(o => o.Id)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"{SkipVariable}: unknown operation {string.Join(", ", unknown)}; known: {string.Join(", ", ModelOperations.All.Select(o => o.Id))}");
        var given = System.Environment.GetEnvironmentVariable(SeedVariable);
        if (string.IsNullOrWhiteSpace(given)) given = string.Join(',', RegressionSeeds);
        if (given.Trim() != "random")
        {
            var seeds = given.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => ParseSeed(s)).ToList();
            return seeds.Select(seed => new ModelOptions(seed, steps, total / seeds.Count) { Skip = skip }).ToList();
        }

        var source = new Random();
        return Enumerable.Range(0, freshSeeds).Select(_ => new ModelOptions(source.Next(1, 1_000_000), steps, total / freshSeeds) { Skip = skip }).ToList();
    }

    private static int ParseSeed(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) && seed >= 0
            ? seed
            : throw new ArgumentException($"{SeedVariable}={text}: expected whole numbers >= 0, separated by commas");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"seed {Seed} (at most {MaxSteps} steps, {Duration.TotalSeconds:0} s{(Skip.Count > 0 ? ", skipping " + string.Join(",", Skip) : "")})");

    /// <summary>The environment that replays this run.</summary>
    public string Replay => Skip.Count > 0 ? $"{SeedVariable}={Seed} {SkipVariable}={string.Join(",", Skip)}" : $"{SeedVariable}={Seed}";
}
