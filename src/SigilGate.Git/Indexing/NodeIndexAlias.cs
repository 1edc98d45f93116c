using System.Buffers;
using System.Text;

namespace SigilGate.Git;

/// <summary>
/// A few lines saying that the nodes of <see cref="Commit"/> are exactly those of the index kept for
/// <see cref="Origin"/>, the file whose checksum line is <see cref="Checksum"/>: what a push that
/// changes no node file (a Core node's push of its state) keeps instead of writing the whole index
/// again (5 MB at 100,000 nodes). It holds only while that very file is the one kept.
/// </summary>
internal sealed record NodeIndexAlias(string Commit, string Origin, string Checksum)
{
    private const string Header = "sigil node index alias 1\n";

    public ReadOnlyMemory<byte> Write()
    {
        var output = new ArrayBufferWriter<byte>(512);
        ChecksummedText.Append(output, $"{Header}commit {Commit}\norigin {Origin}\nindex {Checksum}\n");
        ChecksummedText.Seal(output);
        return output.WrittenMemory;
    }

    /// <summary>The alias the bytes hold, or null when they are not exactly one written by <see cref="Write"/>.</summary>
    public static NodeIndexAlias? Parse(byte[] bytes)
    {
        var bodyEnd = ChecksummedText.BodyLength(bytes);
        if (bodyEnd < 0) return null;
        var lines = Encoding.ASCII.GetString(bytes.AsSpan(0, bodyEnd)).Split('\n');
        if (lines.Length != 5 || lines[0] + "\n" != Header || lines[4].Length != 0) return null;
        if (Value(lines[1], "commit ") is not { } commit || Value(lines[2], "origin ") is not { } origin || Value(lines[3], "index ") is not { } checksum) return null;
        return ObjectIds.IsWellFormed(commit) && ObjectIds.IsWellFormed(origin) ? new NodeIndexAlias(commit, origin, checksum) : null;
    }

    private static string? Value(string line, string name) => line.StartsWith(name, StringComparison.Ordinal) ? line[name.Length..] : null;
}
