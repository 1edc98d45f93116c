using SigilGate.Domain.Apply;

namespace SigilGate.Workflows.Apply;

/// <summary>Some of a step's records as Git says they should become, and those among them that do not parse (never written).</summary>
public sealed record TargetSlice(IReadOnlyList<RecordTarget> Targets, IReadOnlyList<string> Skipped);
