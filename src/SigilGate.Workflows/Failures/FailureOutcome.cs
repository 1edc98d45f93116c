namespace SigilGate.Workflows.Failures;

/// <summary>How a command ends on a failure: its exit code and its lines (without the <c>sigil: </c> prefix).</summary>
public sealed record FailureOutcome(ExitCode Code, IReadOnlyList<string> Lines);
