using LibGit2Sharp;
using SigilGate.Domain.Trees;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>The tree a commit would record: the index (what <c>git add</c> staged), for pre-commit.</summary>
public static class StagedTree
{
    /// <summary>
    /// Reads the index of the repository at <paramref name="path"/>. <c>git commit -a</c> and
    /// <c>git commit PATHS</c> stage into a temporary index named by <c>GIT_INDEX_FILE</c>; that one is
    /// what will be committed, so it wins over the default index.
    /// </summary>
    public static TreeSnapshot Read(string path, string? indexFile)
    {
        UserGitConfiguration.LeaveOutWhenUnreadable();
        var gitDir = FindRepository(path) ?? throw new GitReadException($"{path} is not inside a git repository");
        var options = new RepositoryOptions();
        if (!string.IsNullOrEmpty(indexFile)) options.IndexPath = Path.GetFullPath(indexFile);

        try
        {
            using var repository = new Repository(gitDir, options);
            var files = new List<TreeFile>();
            foreach (var entry in repository.Index)
            {
                var mode = TreeFiles.ModeOf(entry.Mode);

                // The repository is closed when Read returns, so contents are read now.
                var content = mode == TreeFileMode.Submodule || repository.Lookup<Blob>(entry.Id) is not { } blob ? [] : TreeFiles.ReadAll(blob);
                files.Add(new TreeFile(entry.Path.Replace('\\', '/'), mode, entry.Id.Sha, () => content));
            }

            return new TreeSnapshot(files);
        }
        catch (LibGit2SharpException exception)
        {
            throw GitErrors.Opening(exception, gitDir);
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
