using System.Text;
using SigilGate.Domain.Mirror;

namespace SigilGate.Git;

/// <summary>
/// The files the mirror wrote into the clone's work tree since the last sync, by path (null: deleted):
/// the next commit holds exactly these, in path order.
/// </summary>
internal sealed class WrittenFiles(string clone)
{
    private readonly SortedDictionary<string, byte[]?> _written = new(StringComparer.Ordinal);

    /// <summary>Path and bytes (null: deleted) of each file written, in path order.</summary>
    public IEnumerable<KeyValuePair<string, byte[]?>> All => _written;

    /// <summary>The contents written (deletions left out), in path order.</summary>
    public IEnumerable<byte[]> Contents => _written.Values.OfType<byte[]>();

    public int Count => _written.Count;

    public void Write(IReadOnlyList<FileChange> changes)
    {
        foreach (var change in changes)
        {
            var full = Path.Combine(clone, change.Path);
            if (change.Content is null)
            {
                // A path git does not know would fail 'git add' ("did not match any files").
                if (!File.Exists(full)) continue;
                File.Delete(full);
                _written[change.Path] = null;
                continue;
            }

            // The bytes on disk are the bytes committed: UTF-8 without a byte order mark.
            var bytes = Encoding.UTF8.GetBytes(change.Content);
            _written[change.Path] = bytes;
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }

    /// <summary>Forgets them: after a commit, or a sync that puts the work tree back to the remote's tip.</summary>
    public void Clear() => _written.Clear();
}
