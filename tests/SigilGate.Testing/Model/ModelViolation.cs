namespace SigilGate.Testing.Model;

/// <summary>A broken invariant, with the record and values that show it.</summary>
public sealed record ModelViolation(string Invariant, string Explanation)
{
    /// <summary>The step that broke it (its number and operation), shown first.</summary>
    public string? Step { get; init; }

    public ModelViolation After(int step, string operation) => this with { Step = $"after step {step} ({operation})" };

    public override string ToString() => Step is null ? $"invariant ({Invariant}) {Explanation}" : $"{Step}: invariant ({Invariant}) {Explanation}";
}
