using System.Security.Cryptography;

namespace SigilGate.Git;

/// <summary>
/// A file in the bare repository that the hooks keep for themselves (a cache of what Git holds):
/// written whole to a file of its own, then renamed over the kept one, so a reader sees the old
/// content or the new, never half of one, whatever runs at the same time or dies mid-write.
/// </summary>
internal static class ReplacedFile
{
    /// <summary>The file's bytes, or null when it cannot be read (then the cache is simply empty).</summary>
    public static byte[]? Read(string path)
    {
        try
        {
            return HasContent(path) ? File.ReadAllBytes(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether a regular file with something in it is at the path. A kept file is only ever a file
    /// renamed into place; anything else there is not one, and opening it may never end: a named pipe
    /// waits for a writer, a link to a device such as /dev/zero reads forever. Pipes and devices have
    /// no length, so only a file with one is opened.
    /// </summary>
    public static bool HasContent(string path)
    {
        var file = new FileInfo(path);
        return file.Exists && file.Length > 0;
    }

    /// <remarks>
    /// Not flushed to disk: after a crash the rename may survive its content, and then the reader's
    /// checksum fails and the cache is rebuilt. When it cannot be written (a full disk, a repository
    /// the hook may not write to) nothing is kept and nothing fails.
    /// </remarks>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{RandomNumberGenerator.GetHexString(8, lowercase: true)}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                stream.Write(content);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind: a later save does not read it, and it names the process that made it.
        }
    }
}
