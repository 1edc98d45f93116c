using LibGit2Sharp;
using SigilGate.Core.Trees;

namespace SigilGate.Adapters.Git;

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
        var gitDir = Repository.Discover(path) ?? throw new GitReadException($"{path} is not inside a git repository");
        var options = new RepositoryOptions();
        if (!string.IsNullOrEmpty(indexFile)) options.IndexPath = Path.GetFullPath(indexFile);

        using var repository = new Repository(gitDir, options);
        var files = new List<TreeFile>();
        foreach (var entry in repository.Index)
        {
            var mode = entry.Mode switch
            {
                Mode.ExecutableFile => TreeFileMode.Executable,
                Mode.SymbolicLink => TreeFileMode.Symlink,
                Mode.GitLink => TreeFileMode.Submodule,
                _ => TreeFileMode.Regular,
            };
            var content = mode == TreeFileMode.Submodule ? [] : Read(repository.Lookup<Blob>(entry.Id));
            files.Add(new TreeFile(entry.Path.Replace('\\', '/'), mode, entry.Id.Sha, () => content));
        }

        return new TreeSnapshot(files);
    }

    // The repository is closed when Read returns, so contents are read now.
    private static byte[] Read(Blob? blob)
    {
        if (blob is null) return [];
        using var stream = blob.GetContentStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
