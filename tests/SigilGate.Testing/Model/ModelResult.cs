using System.Globalization;

namespace SigilGate.Testing.Model;

/// <summary>What a model run found: the broken invariants (empty when none), and how much it did.</summary>
public sealed record ModelResult(ModelOptions Options, int Steps, IReadOnlyList<ModelViolation> Violations, string Log, TimeSpan Elapsed, int SigilRuns, int Kills, int Accepted)
{
    public bool Passed => Violations.Count == 0;

    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"seed {Options.Seed}: {Steps} steps in {Elapsed.TotalSeconds:0} s, {Accepted} values written, {SigilRuns} sigil push runs ({Kills} killed), {Violations.Count} violations");

    /// <summary>The failure message: the seed, how to replay it, each violation, and the step log.</summary>
    public string Report() =>
        $"{Summary}\nreplay with {Options.Replay}\n" +
        string.Join("\n", Violations.Select(v => "  " + v)) + "\nstep log:\n" + Log;
}
