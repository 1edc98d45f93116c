using System.IO.Compression;
using System.Text;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// Large trees read straight from their loose object files, inflated here. A push of fewer than 100
/// objects (git's receive.unpackLimit) arrives as loose objects, so the pushed commit's trees are
/// files of their own: read here, a 100,000-entry folder costs its inflating alone, not a git started
/// and 4 MB sent through a pipe. A tree that is not loose (packed), or not readable as one, is left to git.
/// </summary>
/// <param name="gitDir">The repository (or quarantine overlay) whose object store and alternates are searched.</param>
internal sealed class LooseTrees(string gitDir)
{
    // "tree <size>\0": a size of a few digits.
    private const int MaxHeader = 32;

    private string[]? _directories;

    /// <summary>The tree, or null when no object directory holds it loose (or its file is not a loose tree).</summary>
    public RawTree? TryRead(string treeId)
    {
        foreach (var directory in _directories ??= ObjectDirectories(gitDir))
        {
            byte[] compressed;
            try
            {
                compressed = File.ReadAllBytes(Path.Combine(directory, treeId[..2], treeId[2..]));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            return Inflate(compressed, treeId);
        }

        return null;
    }

    private static RawTree? Inflate(byte[] compressed, string treeId)
    {
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            var header = new StringBuilder();
            for (var next = zlib.ReadByte(); next != 0; next = zlib.ReadByte())
            {
                if (next < 0 || header.Length == MaxHeader) return null;
                header.Append((char)next);
            }

            if (header.ToString().Split(' ') is not ["tree", var sizeText] || !int.TryParse(sizeText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size)) return null;
            var content = new byte[size];
            zlib.ReadExactly(content);
            return zlib.ReadByte() < 0 ? new RawTree(content, treeId.Length / 2) : null;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or GitReadException)
        {
            return null;
        }
    }

    /// <summary>The repository's object directory and those its alternates name (one level, as the overlay and most repositories have them).</summary>
    private static string[] ObjectDirectories(string gitDir)
    {
        var objects = Path.Combine(gitDir, "objects");
        try
        {
            var alternates = File.ReadAllLines(Path.Combine(objects, "info", "alternates"))
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .Select(line => Path.IsPathRooted(line) ? line : Path.GetFullPath(Path.Combine(objects, line)));
            return [objects, .. alternates];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [objects];
        }
    }
}
