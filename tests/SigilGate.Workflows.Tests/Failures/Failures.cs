using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Git;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Failures;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Tests.Failures;

/// <summary>One example of each exception the specs name in their rows, by a short name.</summary>
internal static class Failures
{
    public const string Sha = "3f2a9c1d0e4b5a6978c1d2e3f4a5b6c7d8e9f001";

    public static Exception Example(string name) => name switch
    {
        "argument" => new ArgumentException("--repo is required"),
        "settings" => new SettingsLike("sigil.json: Etcd:TimeoutSeconds must be 1-3600, got 0"),
        "unavailable" => new StoreUnavailableException("etcd at http://127.0.0.1:1 is unreachable"),
        "compacted" => new StoreCompactedException("revision 7 is compacted"),
        "store" => new StoreException("etcd refused the transaction"),
        "bookkeeping" => new BookkeepingException("/sigil/.sigil/applied", "not a commit id", "put the last applied commit there"),
        "unreadable" => new UnreadableCommitException(Sha, "no author line"),
        "refused" => new RemoteRefusedException("the push", "remote: sigil: error: unknown key\n\nfatal: Could not read from remote repository.\n"),
        "overflow" => new OverflowException("counter for writer core-1 is at the largest allowed 9007199254740991"),
        "git-read" => new GitReadException("repository /srv/net.git: object 3f2a9c1 is missing; run 'git fsck' in the repository"),
        "git-write" => new GitWriteException("cannot write the receipt note: refs/notes/sigil is locked; remove refs/notes/sigil.lock if no git is running"),
        "git-command" => new GitCommandException("git fetch failed (exit 128): could not resolve host"),
        "io" => new IOException("disk full"),
        "permission" => new UnauthorizedAccessException("Access to the path '/srv/net.git/sigil-apply.lock' is denied."),
        "state" => new InvalidOperationException("commit 3f2a9c1 not found"),
        "defect" => new NullReferenceException("Object reference not set\nto an instance"),
        "oom" => new OutOfMemoryException("no memory left"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such example"),
    };

    /// <summary>An expected failure of a layer above the workflows, as the settings' own exception is.</summary>
    private sealed class SettingsLike(string message) : ExpectedFailureException(FailureKind.Settings, message);
}
