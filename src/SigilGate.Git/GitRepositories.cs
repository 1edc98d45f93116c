using LibGit2Sharp;
using SigilGate.Domain.Git;
using SigilGate.Workflows.Handover;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// Opens repositories for the hooks and commands: the way in to the reader
/// (<see cref="IRepositoryReader"/>) and the receipt-note writer (<see cref="INoteWriter"/>).
/// Failures are <see cref="GitReadException"/>s; a repository of another account says whose it is.
/// </summary>
public static class GitRepositories
{
    /// <summary>
    /// Starts loading libgit2 on another thread (see <see cref="LibGit2Setup"/>): a hook calls it
    /// first thing, and the first open waits for it to finish.
    /// </summary>
    public static void Preload() => LibGit2Setup.Begin();

    /// <summary>
    /// Opens a repository; inside pre-receive (quarantine variables set) the reader also sees the
    /// objects of the push being received.
    /// </summary>
    public static IRepositoryReader Open(string gitDir, IReadOnlyDictionary<string, string?> environment)
    {
        var full = System.IO.Path.GetFullPath(gitDir);
        var quarantine = environment.GetValueOrDefault("GIT_QUARANTINE_PATH");
        if (string.IsNullOrEmpty(quarantine))
        {
            var repository = OpenRepository(full);
            return new GitRepositoryReader(repository, repository, overlay: null, repository.Info.Path, commitChanges: new CommitChangesCache(repository.Info.Path));
        }

        var refs = OpenRepository(full);
        QuarantineOverlay? overlay = null;
        try
        {
            overlay = QuarantineOverlay.Create(quarantine, ObjectsDirectory(full));
            // pre-receive keeps the large trees it reads in the repository (not the quarantine): the
            // pushed commit's are the next push's tip's, which it would otherwise inflate again.
            return new GitRepositoryReader(OpenRepository(overlay.Path), refs, overlay, overlay.Path, new LargeTreeCache(full), new CommitChangesCache(refs.Info.Path));
        }
        catch
        {
            overlay?.Dispose();
            refs.Dispose();
            throw;
        }
    }

    /// <summary>Opens a repository whose notes can be written (post-receive, sigil apply); disposing the reader closes both.</summary>
    /// <param name="pushed">
    /// The update post-receive was told of: when pre-receive left what it changes (<see cref="ReceivedChanges(string)"/>)
    /// for exactly that update, the reader answers that update's diff and files from it instead of reading the trees again.
    /// </param>
    public static (IRepositoryReader Reader, INoteWriter Notes) OpenForWriting(string gitDir, RefUpdate? pushed = null)
    {
        var full = System.IO.Path.GetFullPath(gitDir);
        var repository = OpenRepository(full);
        IRepositoryReader reader = new GitRepositoryReader(repository, repository, overlay: null, repository.Info.Path, commitChanges: new CommitChangesCache(repository.Info.Path));
        if (pushed?.Old is { } old && new ReceivedChangesFile(full).Load(old, pushed.NewSha) is { } known) reader = new ReceivedChangesReader(reader, known);
        return (reader, new ReceiptNoteWriter(repository));
    }

    /// <summary>Opens a bare repository where a person's decision is committed and offered to <paramref name="branch"/> through its hooks; disposing the reader closes both.</summary>
    public static (IRepositoryReader Reader, IDecisionCommitter Committer) OpenForDecisions(string gitDir, string branch, string identityVariable)
    {
        var repository = OpenRepository(System.IO.Path.GetFullPath(gitDir));
        return (new GitRepositoryReader(repository, repository, overlay: null, repository.Info.Path, commitChanges: new CommitChangesCache(repository.Info.Path)), new HookedBranchCommitter(repository, branch, identityVariable));
    }

    /// <summary>Where pre-receive leaves what the update it accepted changes, for post-receive: a file in the bare repository.</summary>
    public static IReceivedChangesStore ReceivedChanges(string gitDir) => new ReceivedChangesFile(System.IO.Path.GetFullPath(gitDir));

    /// <summary>Where pre-receive keeps the index of the nodes between pushes: a file in the bare repository.</summary>
    public static INodeIndexStore NodeIndexes(string gitDir) => new NodeIndexFile(System.IO.Path.GetFullPath(gitDir));

    /// <summary>Where drift keeps its readings of the branch tip's record files between runs: a file in the bare repository.</summary>
    public static IKnownRecordStore KnownRecords(string gitDir) => new KnownRecordsFile(System.IO.Path.GetFullPath(gitDir));

    /// <summary>Where pre-commit keeps the last staged tree that validated clean: a file in the clone's git directory.</summary>
    public static IValidatedTreeStore ValidatedTrees(string gitDir) => new ValidatedTreeFile(System.IO.Path.GetFullPath(gitDir));

    private static Repository OpenRepository(string full)
    {
        LibGit2Setup.Wait();
        try
        {
            if (!Repository.IsValid(full)) throw new GitReadException($"{full} is not a git repository");
            return new Repository(full);
        }
        catch (LibGit2SharpException exception)
        {
            // git refuses a repository of another account (since 2.35.2), and libgit2 does the same.
            throw GitErrors.Opening(exception, full);
        }
    }

    private static string ObjectsDirectory(string gitDir)
    {
        var bare = System.IO.Path.Combine(gitDir, "objects");
        return Directory.Exists(bare) ? bare : System.IO.Path.Combine(gitDir, ".git", "objects");
    }
}
