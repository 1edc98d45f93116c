using SigilGate.Domain.Apply;

namespace SigilGate.Cli.Commands;

/// <summary>What an apply did: the branch tip etcd now holds (null: the branch has no commit) and each commit applied to reach it.</summary>
internal sealed record ApplyRunResult(string? Tip, IReadOnlyList<StepReport> Steps);
