using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Git;
using SigilGate.Domain.Store;
using SigilGate.Domain.Yaml;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Failures;

/// <summary>
/// The one place that turns a failure into an exit code and the lines that explain it, for every
/// command and hook: which exceptions are expected (<see cref="Kind"/>) and what each command
/// answers to each kind (<see cref="Outcome"/>). Commands do not catch for themselves.
/// </summary>
public static class FailureTable
{
    private const string CouldNotCheck = "push rejected: the push could not be checked";

    /// <summary>The kind of an exception the workflows can name; anything they cannot is a <see cref="FailureKind.Defect"/>.</summary>
    public static FailureKind Kind(Exception exception) => exception switch
    {
        ExpectedFailureException expected => expected.Kind,
        ArgumentException => FailureKind.BadArguments,
        BookkeepingException => FailureKind.BookkeepingDamaged,
        StoreUnavailableException => FailureKind.StoreUnavailable,
        StoreException => FailureKind.Store,
        UnreadableCommitException => FailureKind.UnreadableCommit,
        RemoteRefusedException => FailureKind.RemoteRefused,
        GitReadException => FailureKind.GitRead,
        GitWriteException => FailureKind.GitWrite,
        GitCommandException => FailureKind.GitCommand,
        OverflowException => FailureKind.CounterOverflow,
        UnauthorizedAccessException => FailureKind.Permission,
        IOException => FailureKind.FileSystem,
        InvalidOperationException => FailureKind.RepositoryState,
        _ => FailureKind.Defect,
    };

    /// <summary>
    /// Whether the command catches the exception at all. Out of memory ends the process, except in
    /// post-receive: the push is already accepted, so whatever happens there is reported, never thrown at git.
    /// </summary>
    public static bool Catches(CommandName command, Exception exception) =>
        command == CommandName.PostReceive || exception is not OutOfMemoryException;

    public static FailureOutcome Outcome(CommandName command, Exception exception) =>
        Outcome(command, Kind(exception), exception, new FailureContext());

    /// <param name="kind">The exception's kind: <see cref="Kind"/>, or what the adapter that threw it says.</param>
    public static FailureOutcome Outcome(CommandName command, FailureKind kind, Exception exception, FailureContext context)
    {
        var message = exception.Message;
        var pending = context.PendingCommit?[..7];
        return (command, kind) switch
        {
            // post-receive never fails a push that is already accepted: the work stays pending.
            (CommandName.PostReceive, FailureKind.BookkeepingDamaged) =>
                Ok($"{message}: apply of {pending} is pending until then ('sigil apply --repo BARE' applies it after the repair)"),
            (CommandName.PostReceive, FailureKind.StoreUnavailable or FailureKind.Store) =>
                Ok($"{message}: apply of {pending} is pending (the next push or 'sigil apply --repo BARE' applies it)"),
            (CommandName.PostReceive, FailureKind.BadArguments) =>
                Ok($"error: {message}; nothing was applied: the push's apply waits for the next push or 'sigil apply --repo BARE'"),
            (CommandName.PostReceive, _) =>
                Ok($"apply failed: {message}: apply of {pending} is pending (run 'sigil apply --repo BARE')"),

            // A push that cannot be checked is not accepted; a commit that cannot be checked is stopped.
            (CommandName.PreReceive, FailureKind.Defect) => Rejected(InternalError(exception), CouldNotCheck),
            (CommandName.PreReceive, _) => Rejected($"error: {message}", CouldNotCheck),
            (CommandName.PreCommit, FailureKind.Defect) => Rejected(InternalError(exception)),
            (CommandName.PreCommit, _) => Rejected($"error: {message}"),

            // The sigil verbs: 2 for every error, 1 where the other side said no for good.
            (_, FailureKind.Defect) => Error(InternalError(exception)),
            (_, FailureKind.RemoteRefused) => Rejected(
                [
                    .. ServerLines.Indented(exception is RemoteRefusedException refused ? refused.ServerMessages : ""),
                    "error: the remote refused this node's access (not retried): check its key or credentials and the server's access rules",
                ]),

            // The verbs that write into the repository or clone: most often it belongs to another account, so say which.
            (CommandName.Apply or CommandName.Reconcile or CommandName.Push, FailureKind.Permission) =>
                Error($"error: {MessageText.OneLine(message)}: {context.OwnerAdvice?.Invoke() ?? "run it as an account that may write there"}"),
            (CommandName.Drift, FailureKind.StoreUnavailable) =>
                Error($"error: {message}: drift unknown (etcd could not be read, which is not 'in sync')"),
            _ => Error($"error: {message}"),
        };
    }

    /// <summary>A defect must not end in a stack trace: one line with its type.</summary>
    private static string InternalError(Exception exception) =>
        $"error: internal error ({exception.GetType().Name}): {MessageText.OneLine(exception.Message)}";

    private static FailureOutcome Ok(string line) => new(ExitCode.Ok, [line]);

    private static FailureOutcome Rejected(params IReadOnlyList<string> lines) => new(ExitCode.Rejected, lines);

    private static FailureOutcome Error(string line) => new(ExitCode.Error, [line]);
}
