using SigilGate.Domain.Diagnostics;

namespace SigilGate.Domain.Gate;

/// <summary>The outcome of checking a push: every problem found, and informational lines.</summary>
public sealed record GateVerdict(IReadOnlyList<Diagnostic> Errors, IReadOnlyList<string> Notices, IReadOnlyList<string> Hints)
{
    public bool Accepted => Errors.Count == 0;
}
