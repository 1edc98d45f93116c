namespace SigilGate.Testing.Model;

/// <summary>A broken invariant, with the record and values that show it.</summary>
public sealed record ModelViolation(string Invariant, string Explanation)
{
    public override string ToString() => $"invariant ({Invariant}) {Explanation}";
}
