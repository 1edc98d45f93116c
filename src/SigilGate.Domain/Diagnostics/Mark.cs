namespace SigilGate.Domain.Diagnostics;

/// <summary>A 1-based position in a text file.</summary>
public readonly record struct Mark(int Line, int Column)
{
    public static readonly Mark None = new(0, 0);
}
