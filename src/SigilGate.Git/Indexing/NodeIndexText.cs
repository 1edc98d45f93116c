using System.Buffers;
using System.Text;
using SigilGate.Domain.Validation;

namespace SigilGate.Git;

/// <summary>
/// The node index as text: a header naming the format and the commit described, one line per node
/// (<c>path TAB address TAB core</c>, a value written as <c>=value</c> with tab, newline, carriage
/// return and backslash escaped, a missing one as nothing), and a last line with the SHA-256 of
/// everything before it (<see cref="ChecksummedText"/>). A file whose checksum or shape differs is no index. At 100,000 nodes the
/// file is about 5 MB: a push reads it once as bytes (<see cref="KeptNodeTable"/>) and writes it
/// once, copying the unchanged lines as they are.
/// </summary>
internal static class NodeIndexText
{
    private const string Header = "sigil node index 1\ncommit ";
    private static readonly SearchValues<char> Escaped = SearchValues.Create("\\\t\n\r");

    public static ReadOnlyMemory<byte> Write(NodeIndex index)
    {
        var output = new ArrayBufferWriter<byte>((index.Table is KeptNodeTable table ? table.Lines.Length : 0) + (1 << 16));
        Append(output, $"{Header}{index.Commit}\n");
        if (index.Table is KeptNodeTable kept)
        {
            var changed = new FieldMatcher(index.Changes.Keys.Select(Escape));
            foreach (var line in new NodeLines(kept.Lines))
            {
                if (!changed.Contains(line.Path)) output.Write(line.Whole);
            }

            foreach (var (path, facts) in index.Changes)
            {
                if (facts is not null) AppendNode(output, path, facts);
            }
        }
        else
        {
            foreach (var (path, facts) in index.Nodes) AppendNode(output, path, facts);
        }

        ChecksummedText.Seal(output);
        return output.WrittenMemory;
    }

    /// <summary>The index the bytes hold, or null when they are not exactly one written by <see cref="Write"/>.</summary>
    public static NodeIndex? Parse(byte[] bytes)
    {
        var bodyEnd = ChecksummedText.BodyLength(bytes);
        if (bodyEnd < 0) return null;

        var header = Encoding.UTF8.GetBytes(Header);
        if (!bytes.AsSpan(0, bodyEnd).StartsWith(header)) return null;
        var commitEnd = bytes.AsSpan(header.Length, bodyEnd - header.Length).IndexOf((byte)'\n');
        if (commitEnd < 0) return null;
        var commit = Encoding.UTF8.GetString(bytes.AsSpan(header.Length, commitEnd));
        var linesStart = header.Length + commitEnd + 1;
        if (!ObjectIds.IsWellFormed(commit) || !NodeLines.WellFormed(bytes.AsSpan(linesStart, bodyEnd - linesStart))) return null;
        var checksum = Encoding.ASCII.GetString(bytes.AsSpan(bodyEnd, bytes.Length - bodyEnd - 1));
        return NodeIndex.Kept(commit, new KeptNodeTable(bytes, linesStart, bodyEnd, commit, checksum));
    }

    /// <summary>A value as a line holds it (<c>=</c> and the escaped value; null: none).</summary>
    public static string? Field(string? value) => value is null ? null : "=" + Escape(value);

    /// <summary>The value a field holds (null: none, or a field that is not one).</summary>
    public static string? Value(ReadOnlySpan<byte> field) =>
        field.Length == 0 || field[0] != (byte)'=' ? null : Unescape(Encoding.UTF8.GetString(field[1..]));

    private static void AppendNode(ArrayBufferWriter<byte> output, string path, NodeFacts facts) =>
        Append(output, $"{Escape(path)}\t{Field(facts.Address)}\t{Field(facts.Core)}\n");

    private static void Append(ArrayBufferWriter<byte> output, string text) => ChecksummedText.Append(output, text);

    private static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny(Escaped) < 0) return value;
        return value.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\t", @"\t", StringComparison.Ordinal)
            .Replace("\n", @"\n", StringComparison.Ordinal).Replace("\r", @"\r", StringComparison.Ordinal);
    }

    private static string? Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal)) return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                result.Append(text[i]);
                continue;
            }

            if (++i == text.Length) return null;
            switch (text[i])
            {
                case '\\': result.Append('\\'); break;
                case 't': result.Append('\t'); break;
                case 'n': result.Append('\n'); break;
                case 'r': result.Append('\r'); break;
                default: return null;
            }
        }

        return result.ToString();
    }
}
