using System.Security.Cryptography;
using SigilGate.Domain.Validation;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// The node index kept as one file in the bare repository (<see cref="FileName"/>), in the text form
/// of <see cref="NodeIndexText"/>. Written whole to a file of its own, then renamed over the kept
/// one: a reader sees the old index or the new, never half of one, whatever runs at the same time
/// or dies mid-write. Read back only when its checksum holds; anything else is no index at all.
/// </summary>
internal sealed class NodeIndexFile(string gitDir) : INodeIndexStore
{
    public const string FileName = "sigil-node-index";

    private string Path => System.IO.Path.Combine(gitDir, FileName);

    public NodeIndex? Load()
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return NodeIndexText.Parse(bytes);
    }

    /// <remarks>
    /// The index is a cache of what Git holds: when it cannot be written (a full disk, a repository
    /// the hook may not write to) the push is judged all the same and the next one rebuilds it.
    /// </remarks>
    public void Save(NodeIndex index)
    {
        var temporary = $"{Path}.{Environment.ProcessId}.{RandomNumberGenerator.GetHexString(8, lowercase: true)}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                // Not flushed to disk: after a crash the rename may survive its content, and then the
                // checksum fails and the next push rebuilds. Syncing 4 MB would cost every push more.
                stream.Write(NodeIndexText.Write(index).Span);
            }

            File.Move(temporary, Path, overwrite: true);
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
