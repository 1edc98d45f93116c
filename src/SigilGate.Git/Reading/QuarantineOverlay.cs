using System.Security.Cryptography;

namespace SigilGate.Git;

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

    private const string Prefix = "sigil-quarantine-";

    // A RAM-backed folder (tmpfs) on every Linux with glibc, writable by all, sticky.
    private const string MemoryFolder = "/dev/shm";

    public static QuarantineOverlay Create(string quarantine, string repositoryObjects)
    {
        if (CreateInMemory() is { } memory)
        {
            try
            {
                return Fill(memory, quarantine, repositoryObjects);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A full or size-limited /dev/shm, or a umask that left the folder unwritable: the disk will do.
                new QuarantineOverlay(memory).Dispose();
            }
        }

        return Fill(Directory.CreateTempSubdirectory(Prefix).FullName, quarantine, repositoryObjects);
    }

    private static QuarantineOverlay Fill(string root, string quarantine, string repositoryObjects)
    {
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

    /// <summary>
    /// The overlay lives for one pre-receive: six folders and three small files. On a disk file
    /// system each mkdir, unlink and rmdir updates the journal (and, mounted with <c>discard</c>,
    /// trims blocks): the overlay's syscalls took 8-27 ms of a push while the disk was busy (strace,
    /// three pushes, ext4 with discard). In memory each costs microseconds. Null when there is no
    /// usable memory folder.
    /// </summary>
    private static string? CreateInMemory()
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(MemoryFolder)) return null;
        try
        {
            // An unguessable name (128 random bits) in the shared folder, created for the owner only.
            var path = System.IO.Path.Combine(MemoryFolder, Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
            if (Directory.Exists(path)) return null;
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return path;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temp directory is harmless; never fail a push over it.
        }
    }
}
