namespace SigilGate.Workflows.Failures;

/// <summary>Exit codes, named once (docs/commands.md, "Exit codes"); for failures <see cref="FailureTable"/> picks them.</summary>
public enum ExitCode
{
    /// <summary>Accepted, valid, in sync, done.</summary>
    Ok = 0,

    /// <summary>Rejected, invalid, drift, gave up.</summary>
    Rejected = 1,

    /// <summary>Could not do the work (bad arguments, etcd unreachable, unreadable repository).</summary>
    Error = 2,
}
