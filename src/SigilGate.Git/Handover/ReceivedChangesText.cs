using System.Buffers;
using System.Text;
using SigilGate.Domain.Trees;
using SigilGate.Workflows.Handover;

namespace SigilGate.Git;

/// <summary>
/// <see cref="ReceivedChanges"/> as text: a header naming the format, <c>old</c> and <c>new</c> commit
/// lines, one line per path (<c>c</c> changed or <c>k</c> only known, the path, then the old and the new
/// file as <c>mode id</c> or <c>-</c> for none, tab-separated), and a last line with the SHA-256 of
/// everything before it. Bytes of any other shape, or whose checksum differs, hold nothing.
/// </summary>
internal static class ReceivedChangesText
{
    private const string Header = "sigil received changes 1\n";
    private const string None = "-";

    /// <summary>The text, or null when a path cannot be written in it (a tab or line break in its name: such a push is rare enough to diff again).</summary>
    public static byte[]? Write(ReceivedChanges changes)
    {
        var text = new StringBuilder(Header).Append("old ").Append(changes.Old).Append('\n').Append("new ").Append(changes.New).Append('\n');
        foreach (var entry in changes.Entries)
        {
            if (entry.Path.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0) return null;
            text.Append(entry.Changed ? 'c' : 'k').Append('\t').Append(entry.Path).Append('\t').Append(Side(entry.Old)).Append('\t').Append(Side(entry.New)).Append('\n');
        }

        var output = new ArrayBufferWriter<byte>();
        ChecksummedText.Append(output, text.ToString());
        ChecksummedText.Seal(output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The changes the bytes hold, or null when they are not exactly what <see cref="Write"/> writes.</summary>
    public static ReceivedChanges? Parse(byte[] bytes)
    {
        var last = ChecksummedText.BodyLength(bytes);
        if (last <= 0) return null;

        string[] lines;
        try
        {
            lines = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, last).Split('\n');
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        // The body ends with a line break: the split leaves an empty last part.
        if (lines.Length < 4 || lines[0] + "\n" != Header || lines[^1].Length != 0) return null;
        if (CommitAfter(lines[1], "old ") is not { } old || CommitAfter(lines[2], "new ") is not { } now) return null;
        var entries = new List<ReceivedEntry>();
        foreach (var line in lines.AsSpan(3, lines.Length - 4))
        {
            if (line.Split('\t') is not [var flag and ("c" or "k"), var path, var before, var after] || path.Length == 0) return null;
            if (!TryParseSide(before, out var oldFile) || !TryParseSide(after, out var newFile)) return null;
            entries.Add(new ReceivedEntry(path, flag == "c", oldFile, newFile));
        }

        return entries.DistinctBy(e => e.Path, StringComparer.Ordinal).Count() == entries.Count ? new ReceivedChanges(old, now, entries) : null;
    }

    private static string Side(KnownFile? file) => file is null ? None : $"{file.Mode.ToString().ToLowerInvariant()} {file.ObjectId}";

    private static bool TryParseSide(string text, out KnownFile? file)
    {
        file = null;
        if (text == None) return true;
        if (text.Split(' ') is not [var modeText, var id] || !ObjectIds.IsWellFormed(id)) return false;
        TreeFileMode? mode = modeText switch
        {
            "regular" => TreeFileMode.Regular,
            "executable" => TreeFileMode.Executable,
            "symlink" => TreeFileMode.Symlink,
            "submodule" => TreeFileMode.Submodule,
            _ => null,
        };
        if (mode is null) return false;
        file = new KnownFile(mode.Value, id);
        return true;
    }

    private static string? CommitAfter(string line, string prefix) =>
        line.StartsWith(prefix, StringComparison.Ordinal) && ObjectIds.IsWellFormed(line[prefix.Length..]) ? line[prefix.Length..] : null;
}
