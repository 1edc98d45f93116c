using LibGit2Sharp;
using SigilGate.Domain.Trees;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// The tree a commit would record: the index (what <c>git add</c> staged), for pre-commit. The
/// repository stays open while the tree is in use, so a file's content is read only when asked for.
/// </summary>
public sealed class StagedTree : IDisposable
{
    private readonly Repository _repository;

    // libgit2 reads one object at a time per repository; the validation asks from several threads.
    private readonly Lock _reading = new();

    private StagedTree(Repository repository, string gitDirectory)
    {
        _repository = repository;
        GitDirectory = gitDirectory;
        var files = new List<TreeFile>();
        foreach (var entry in repository.Index)
        {
            var mode = TreeFiles.ModeOf(entry.Mode);
            var id = entry.Id;
            files.Add(new TreeFile(entry.Path.Replace('\\', '/'), mode, id.Sha, () => mode == TreeFileMode.Submodule ? ReadOnlyMemory<byte>.Empty : Read(id)));
        }

        Tree = new TreeSnapshot(files);
    }

    /// <summary>The staged files, by path.</summary>
    public TreeSnapshot Tree { get; }

    /// <summary>The repository's git directory (a worktree's own), where pre-commit keeps what it keeps.</summary>
    public string GitDirectory { get; }

    /// <summary>
    /// Opens the index of the repository at <paramref name="path"/>. <c>git commit -a</c> and
    /// <c>git commit PATHS</c> stage into a temporary index named by <c>GIT_INDEX_FILE</c>; that one is
    /// what will be committed, so it wins over the default index.
    /// </summary>
    public static StagedTree Open(string path, string? indexFile)
    {
        LibGit2Setup.Wait();
        var gitDir = FindRepository(path) ?? throw new GitReadException($"{path} is not inside a git repository");
        var options = new RepositoryOptions();
        if (!string.IsNullOrEmpty(indexFile)) options.IndexPath = Path.GetFullPath(indexFile);

        Repository? repository = null;
        try
        {
            repository = new Repository(gitDir, options);
            return new StagedTree(repository, repository.Info.Path);
        }
        catch (LibGit2SharpException exception)
        {
            repository?.Dispose();
            throw GitErrors.Opening(exception, gitDir);
        }
    }

    public void Dispose() => _repository.Dispose();

    private ReadOnlyMemory<byte> Read(ObjectId id)
    {
        lock (_reading)
        {
            try
            {
                return _repository.Lookup<Blob>(id) is { } blob ? TreeFiles.ReadAll(blob) : ReadOnlyMemory<byte>.Empty;
            }
            catch (LibGit2SharpException exception)
            {
                throw new GitReadException($"cannot read staged object {id.Sha}: {exception.Message}");
            }
        }
    }

    // Repository.Discover marshals paths in a way Native AOT does not support; a walk up the
    // directories to the first one holding .git (a directory, or a file for worktrees) does the same.
    private static string? FindRepository(string path)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(path)); directory is not null; directory = directory.Parent)
        {
            if (Repository.IsValid(directory.FullName)) return directory.FullName;
            var dotGit = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(dotGit) || File.Exists(dotGit)) return directory.FullName;
        }

        return null;
    }
}
