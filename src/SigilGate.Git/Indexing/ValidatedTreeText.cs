using System.Buffers;
using System.Text;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;

namespace SigilGate.Git;

/// <summary>
/// A <see cref="ValidatedTree"/> as text: a header naming the format and the rules that judged the tree
/// (<see cref="KnownRecords.Rules"/>: another build's verdict is not this one's), one line per file
/// (<c>path TAB mode TAB object</c>, and for a Core or Entry node <c>TAB address TAB core</c> as the
/// node index writes them, <see cref="NodeIndexText.Field"/>), and the checksum line of
/// <see cref="ChecksummedText"/>. Bytes whose checksum, shape or rules differ are no tree at all. At
/// 100,000 records the file is about 8 MB.
/// </summary>
internal static class ValidatedTreeText
{
    private const string Header = "sigil validated tree 1\nrules ";

    /// <summary>The text of <paramref name="tree"/>, or null when a path cannot be written on one line (such a tree is not kept).</summary>
    public static ReadOnlyMemory<byte>? Write(ValidatedTree tree, string? rules = null)
    {
        var output = new ArrayBufferWriter<byte>(1 << 16);
        ChecksummedText.Append(output, $"{Header}{OneLine(rules ?? KnownRecords.Rules)}\n");
        var line = new StringBuilder();
        foreach (var (path, stamp) in tree.Files)
        {
            if (path.Length == 0 || path.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0 || !ObjectIds.IsWellFormed(stamp.ObjectId)) return null;
            line.Clear().Append(path).Append('\t').Append((int)stamp.Mode).Append('\t').Append(stamp.ObjectId);
            if (tree.Nodes.TryGetValue(path, out var facts))
            {
                line.Append('\t').Append(NodeIndexText.Field(facts.Address)).Append('\t').Append(NodeIndexText.Field(facts.Core));
            }

            ChecksummedText.Append(output, line.Append('\n').ToString());
        }

        ChecksummedText.Seal(output);
        return output.WrittenMemory;
    }

    /// <summary>The tree the bytes hold, or null when they are not exactly one written by <see cref="Write"/> under <paramref name="rules"/>.</summary>
    public static ValidatedTree? Parse(byte[] bytes, string? rules = null)
    {
        var bodyEnd = ChecksummedText.BodyLength(bytes);
        if (bodyEnd < 0) return null;
        var header = Encoding.UTF8.GetBytes($"{Header}{OneLine(rules ?? KnownRecords.Rules)}\n");
        var body = bytes.AsSpan(0, bodyEnd);
        if (!body.StartsWith(header)) return null;

        var files = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        var nodes = new Dictionary<string, NodeFacts>(StringComparer.Ordinal);
        var rest = body[header.Length..];
        while (rest.Length > 0)
        {
            var end = rest.IndexOf((byte)'\n');
            if (end < 0 || !Read(rest[..end], files, nodes)) return null;
            rest = rest[(end + 1)..];
        }

        return new ValidatedTree(files, nodes);
    }

    // path TAB mode TAB object [TAB address TAB core]
    private static bool Read(ReadOnlySpan<byte> line, Dictionary<string, FileStamp> files, Dictionary<string, NodeFacts> nodes)
    {
        var pathEnd = line.IndexOf((byte)'\t');
        if (pathEnd <= 0 || line.Length < pathEnd + 3 || line[pathEnd + 2] != (byte)'\t') return false;
        var mode = line[pathEnd + 1] - '0';
        if (mode is < 0 or > (int)TreeFileMode.Submodule) return false;
        var rest = line[(pathEnd + 3)..];
        var idEnd = rest.IndexOf((byte)'\t');
        var id = Encoding.ASCII.GetString(idEnd < 0 ? rest : rest[..idEnd]);
        var path = Encoding.UTF8.GetString(line[..pathEnd]);
        if (!ObjectIds.IsWellFormed(id) || !files.TryAdd(path, new FileStamp((TreeFileMode)mode, id))) return false;
        if (idEnd < 0) return !NodeFacts.IsNode(path);

        // A node's facts: two fields, each empty (none) or '=' and the escaped value.
        var facts = rest[(idEnd + 1)..];
        var split = facts.IndexOf((byte)'\t');
        if (!NodeFacts.IsNode(path) || split < 0 || facts[(split + 1)..].Contains((byte)'\t')) return false;
        var address = facts[..split];
        var core = facts[(split + 1)..];
        if (!IsField(address) || !IsField(core)) return false;
        nodes[path] = new NodeFacts(NodeIndexText.Value(address), NodeIndexText.Value(core));
        return true;
    }

    private static bool IsField(ReadOnlySpan<byte> field) => field.IsEmpty || (field[0] == (byte)'=' && NodeIndexText.Value(field) is not null);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
