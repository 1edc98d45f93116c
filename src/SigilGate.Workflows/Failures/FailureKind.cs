namespace SigilGate.Workflows.Failures;

/// <summary>
/// What went wrong, as far as the exit code and the message care. Every kind but <see cref="Defect"/>
/// is an expected failure: the user can act on its message. A defect is a bug in the suite.
/// </summary>
public enum FailureKind
{
    /// <summary>A bad option or value on the command line (<see cref="ArgumentException"/>).</summary>
    BadArguments,

    /// <summary>A configuration file or variable is malformed or holds a bad value.</summary>
    Settings,

    /// <summary>etcd could not be reached or did not answer in time.</summary>
    StoreUnavailable,

    /// <summary>etcd answered with an error (a compacted revision, a refused transaction).</summary>
    Store,

    /// <summary>A value the suite keeps for itself under <c>&lt;prefix&gt;/.sigil/</c> is damaged.</summary>
    BookkeepingDamaged,

    /// <summary>The repository or clone cannot be read (not a repository, a missing or corrupt object, another owner).</summary>
    GitRead,

    /// <summary>The repository could not be written (a receipt note: a locked ref, a full disk).</summary>
    GitWrite,

    /// <summary>A git command run by the suite failed.</summary>
    GitCommand,

    /// <summary>A commit object exists but cannot be parsed.</summary>
    UnreadableCommit,

    /// <summary>
    /// The workflows stopped on the state of a repository or clone (a commit not found, a failed
    /// git push, a clone without HEAD): they say so with <see cref="InvalidOperationException"/>.
    /// </summary>
    RepositoryState,

    /// <summary>The remote refused this account for good (an unknown key, no access): retrying would not help.</summary>
    RemoteRefused,

    /// <summary>A version counter would pass the largest value allowed.</summary>
    CounterOverflow,

    /// <summary>A file or folder could not be read or written.</summary>
    FileSystem,

    /// <summary>The account running the command may not read or write a file or folder it needs.</summary>
    Permission,

    /// <summary>Anything else: a bug. Told in one line with its type, never as a stack trace.</summary>
    Defect,
}
