namespace SigilGate.Adapters.Git;

/// <summary>
/// During pre-receive the pushed objects sit in git's quarantine directory
/// (<c>GIT_QUARANTINE_PATH</c>), and libgit2 ignores <c>GIT_ALTERNATE_OBJECT_DIRECTORIES</c>, so a
/// plain open of the repository cannot see them. This builds a throwaway repository outside the
/// quarantine whose <c>objects/info/alternates</c> lists the quarantine and the real object store.
/// Nothing is written into the quarantine itself: git moves its contents once the push is accepted.
/// See git-receive-pack(1), "QUARANTINE ENVIRONMENT".
/// </summary>
internal sealed class QuarantineOverlay : IDisposable
{
    private QuarantineOverlay(string path) => Path = path;

    public string Path { get; }

    public static QuarantineOverlay Create(string quarantine, string repositoryObjects)
    {
        var root = Directory.CreateTempSubdirectory("sigil-quarantine-").FullName;
        Directory.CreateDirectory(System.IO.Path.Combine(root, "refs", "heads"));
        Directory.CreateDirectory(System.IO.Path.Combine(root, "refs", "tags"));
        Directory.CreateDirectory(System.IO.Path.Combine(root, "objects", "info"));
        File.WriteAllText(System.IO.Path.Combine(root, "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(System.IO.Path.Combine(root, "config"), "[core]\n\trepositoryformatversion = 0\n\tbare = true\n");
        File.WriteAllText(
            System.IO.Path.Combine(root, "objects", "info", "alternates"),
            System.IO.Path.GetFullPath(quarantine) + "\n" + System.IO.Path.GetFullPath(repositoryObjects) + "\n");
        return new QuarantineOverlay(root);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; never fail a push over it.
        }
    }
}
