using System.Buffers;
using System.Text;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Trees;

namespace SigilGate.Git;

/// <summary>
/// Drift's readings as text: a header naming the format and the rules that made them
/// (<see cref="KnownRecords.Rules"/>), one line per record file (<c>path TAB mode TAB blob TAB =json</c>,
/// or <c>-</c> for a file that does not validate), and the checksum line of <see cref="ChecksummedText"/>.
/// Bytes whose checksum, shape or rules differ are no readings at all. At 100,000 records the file is
/// about as large as their JSON (about 20 MB).
/// </summary>
internal static class KnownRecordsText
{
    private const string Header = "sigil record cache 1\nrules ";
    private const string Unreadable = "-";

    public static ReadOnlyMemory<byte> Write(KnownRecords known, string? rules = null)
    {
        var output = new ArrayBufferWriter<byte>(1 << 16);
        ChecksummedText.Append(output, $"{Header}{OneLine(rules ?? KnownRecords.Rules)}\n");
        foreach (var (path, reading) in known.ByPath)
        {
            // A field with a line or field break would not read back: such a file is read again on every run.
            if (!Fits(path) || !Fits(reading.ObjectId) || (reading.Json is { } json && json.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0)) continue;
            ChecksummedText.Append(output, $"{path}\t{(int)reading.Mode}\t{reading.ObjectId}\t{(reading.Json is null ? Unreadable : "=" + reading.Json)}\n");
        }

        ChecksummedText.Seal(output);
        return output.WrittenMemory;
    }

    /// <summary>The readings the bytes hold, or null when they are not exactly ones written by <see cref="Write"/> under <paramref name="rules"/>.</summary>
    public static KnownRecords? Parse(byte[] bytes, string? rules = null)
    {
        var bodyEnd = ChecksummedText.BodyLength(bytes);
        if (bodyEnd < 0) return null;
        var header = Encoding.UTF8.GetBytes($"{Header}{OneLine(rules ?? KnownRecords.Rules)}\n");
        var body = bytes.AsSpan(0, bodyEnd);
        if (!body.StartsWith(header)) return null;

        var byPath = new Dictionary<string, KnownRecord>(StringComparer.Ordinal);
        var rest = body[header.Length..];
        while (rest.Length > 0)
        {
            var end = rest.IndexOf((byte)'\n');
            if (end < 0 || Line(rest[..end]) is not { } line || !byPath.TryAdd(line.Path, line.Reading)) return null;
            rest = rest[(end + 1)..];
        }

        return new KnownRecords(byPath);
    }

    private static (string Path, KnownRecord Reading)? Line(ReadOnlySpan<byte> line)
    {
        // path TAB mode TAB blob TAB value: the value is last and holds no tab (JSON escapes it).
        var pathEnd = line.IndexOf((byte)'\t');
        if (pathEnd <= 0 || line.Length < pathEnd + 3 || line[pathEnd + 2] != (byte)'\t') return null;
        var mode = line[pathEnd + 1] - '0';
        var rest = line[(pathEnd + 3)..];
        var idEnd = rest.IndexOf((byte)'\t');
        if (mode is < 0 or > (int)TreeFileMode.Submodule || idEnd < 0) return null;
        var id = Encoding.ASCII.GetString(rest[..idEnd]);
        var value = rest[(idEnd + 1)..];
        if (!ObjectIds.IsWellFormed(id) || value.Contains((byte)'\t')) return null;

        string? json;
        if (value.SequenceEqual("-"u8)) json = null;
        else if (value.Length > 0 && value[0] == (byte)'=') json = Encoding.UTF8.GetString(value[1..]);
        else return null;
        return (Encoding.UTF8.GetString(line[..pathEnd]), new KnownRecord((TreeFileMode)mode, id, json));
    }

    private static bool Fits(string field) => field.Length > 0 && field.AsSpan().IndexOfAny('\t', '\n', '\r') < 0;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
