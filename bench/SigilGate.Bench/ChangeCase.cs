namespace SigilGate.Bench;

/// <summary>One case of the pusher's changed runs: N raw changes in an area, and what its runs measured.</summary>
internal sealed record ChangeCase(NodeArea Area, int Count, string Name)
{
    public Samples Times { get; } = new();

    /// <summary>The same commits made and pushed by plain git.</summary>
    public Samples PlainGit { get; } = new();

    public PhaseClock Phases { get; } = new();

    public int Settled { get; set; }

    public int Conflicts { get; set; }
}
