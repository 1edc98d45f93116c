namespace SigilGate.Workflows.Failures;

/// <summary>The commands and hooks whose failures <see cref="FailureTable"/> turns into an exit code and lines.</summary>
public enum CommandName
{
    Validate,
    Apply,
    Reconcile,
    Drift,
    Explain,
    Conflicts,
    Status,
    Push,
    PreReceive,
    PostReceive,
    PreCommit,
}
