using System.Security.Cryptography;
using System.Text;
using SigilGate.Domain.Validation;

namespace SigilGate.Git;

/// <summary>
/// The node index as text: a header naming the format and the commit described, one line per node
/// (<c>path TAB address TAB core</c>, a value written as <c>=value</c> with tab, newline, carriage
/// return and backslash escaped, a missing one as nothing), and a last line with the SHA-256 of
/// everything before it. A file that does not parse exactly, or whose checksum differs, is no index.
/// </summary>
internal static class NodeIndexText
{
    private const string Header = "sigil node index 1\n";
    private const string ChecksumPrefix = "sha256 ";

    public static byte[] Write(NodeIndex index)
    {
        var text = new StringBuilder(64 * (index.Count + 4));
        text.Append(Header).Append("commit ").Append(index.Commit).Append('\n').Append("nodes ").Append(index.Count).Append('\n');
        foreach (var (path, facts) in index.Nodes.OrderBy(node => node.Key, StringComparer.Ordinal))
        {
            Escape(text, path);
            text.Append('\t');
            Value(text, facts.Address);
            text.Append('\t');
            Value(text, facts.Core);
            text.Append('\n');
        }

        var body = Encoding.UTF8.GetBytes(text.ToString());
        var checksum = Encoding.UTF8.GetBytes($"{ChecksumPrefix}{Convert.ToHexStringLower(SHA256.HashData(body))}\n");
        return [.. body, .. checksum];
    }

    /// <summary>The index the bytes hold, or null when they are not exactly one written by <see cref="Write"/>.</summary>
    public static NodeIndex? Parse(byte[] bytes)
    {
        var bodyEnd = LastLineStart(bytes);
        if (bodyEnd < 0) return null;
        var checksum = Encoding.UTF8.GetString(bytes.AsSpan(bodyEnd));
        if (checksum != $"{ChecksumPrefix}{Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan(0, bodyEnd)))}\n") return null;

        var lines = Encoding.UTF8.GetString(bytes.AsSpan(0, bodyEnd)).Split('\n');
        if (lines.Length < 4 || lines[0] + "\n" != Header || lines[^1].Length != 0) return null;
        if (!lines[1].StartsWith("commit ", StringComparison.Ordinal) || !IsCommitId(lines[1]["commit ".Length..])) return null;
        if (!lines[2].StartsWith("nodes ", StringComparison.Ordinal) || !int.TryParse(lines[2]["nodes ".Length..], out var count) || count != lines.Length - 4) return null;

        var nodes = new List<KeyValuePair<string, NodeFacts>>(count);
        for (var i = 3; i < lines.Length - 1; i++)
        {
            var parts = lines[i].Split('\t');
            if (parts.Length != 3) return null;
            var path = Unescape(parts[0]);
            if (path is null || !NodeFacts.IsNode(path) || !TryValue(parts[1], out var address) || !TryValue(parts[2], out var core)) return null;
            nodes.Add(new(path, new NodeFacts(address, core)));
        }

        return NodeIndex.Of(lines[1]["commit ".Length..], nodes);
    }

    private static int LastLineStart(byte[] bytes)
    {
        if (bytes.Length == 0 || bytes[^1] != (byte)'\n') return -1;
        var previous = bytes.AsSpan(0, bytes.Length - 1).LastIndexOf((byte)'\n');
        return previous < 0 ? -1 : previous + 1;
    }

    private static bool IsCommitId(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigitLower);

    private static void Value(StringBuilder text, string? value)
    {
        if (value is null) return;
        text.Append('=');
        Escape(text, value);
    }

    private static bool TryValue(string field, out string? value)
    {
        value = null;
        if (field.Length == 0) return true;
        if (field[0] != '=') return false;
        value = Unescape(field[1..]);
        return value is not null;
    }

    private static void Escape(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => text.Append(@"\\"),
                '\t' => text.Append(@"\t"),
                '\n' => text.Append(@"\n"),
                '\r' => text.Append(@"\r"),
                _ => text.Append(c),
            };
        }
    }

    private static string? Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal)) return field;
        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] != '\\')
            {
                text.Append(field[i]);
                continue;
            }

            if (++i == field.Length) return null;
            switch (field[i])
            {
                case '\\': text.Append('\\'); break;
                case 't': text.Append('\t'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                default: return null;
            }
        }

        return text.ToString();
    }
}
