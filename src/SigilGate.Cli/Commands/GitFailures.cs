using SigilGate.Git;
using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary>
/// The kinds of the Git adapter's own exceptions, which <see cref="FailureTable"/> cannot name (the
/// adapter sits above the workflows). Null for any other exception: the table decides.
/// </summary>
internal static class GitFailures
{
    public static FailureKind? Kind(Exception exception) => exception switch
    {
        GitReadException => FailureKind.GitRead,
        GitCommandException => FailureKind.GitCommand,

        // Some LibGit2Sharp errors still leave the Git adapter untranslated; until it turns each
        // into its own exception, they are read errors. The only LibGit2Sharp name outside the adapter.
        LibGit2Sharp.LibGit2SharpException => FailureKind.GitRead,
        _ => null,
    };
}
