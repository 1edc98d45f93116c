using System.Security.Cryptography;

namespace SigilGate.Git;

/// <summary>
/// A file the repository keeps of what Git holds (pre-receive's node index, drift's readings): written
/// whole to a file of its own, then renamed over the kept one, so a reader sees the old content or the
/// new, never half of one, whatever runs at the same time or dies mid-write. Such a file is a cache:
/// failing to read or write it is never an error, the next run rebuilds it.
/// </summary>
internal static class KeptFile
{
    /// <summary>The file's bytes, or null when it is missing or cannot be read.</summary>
    public static byte[]? Read(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Puts <paramref name="content"/> in place of the file, whole or not at all; does nothing when it cannot be written.</summary>
    public static void Replace(string path, ReadOnlyMemory<byte> content)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{RandomNumberGenerator.GetHexString(8, lowercase: true)}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                // Not flushed to disk: after a crash the rename may survive its content, and then the
                // checksum the content ends with fails and the next run rebuilds. Syncing megabytes would cost every run more.
                stream.Write(content.Span);
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
