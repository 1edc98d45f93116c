using System.Buffers;
using System.Text.Unicode;
using System.Text;
using SigilGate.Domain.Diagnostics;

namespace SigilGate.Domain.Yaml;

/// <summary>
/// Strict decoding of a file's bytes: a record must be valid UTF-8 (a BOM is tolerated, editors on
/// Windows write one) and free of control characters other than tab and line breaks, which YAML
/// forbids and which would otherwise travel unseen into etcd.
/// </summary>
internal static class Utf8Text
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    // C0 and C1 controls and DEL, except tab, line feed and carriage return.
    private static readonly SearchValues<char> ForbiddenControls = SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')).ToArray());

    public static (string? Text, Mark Mark, string? Error) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(ByteOrderMark)) bytes = bytes[ByteOrderMark.Length..];
        if (OtherEncoding(bytes) is { } encoding)
        {
            return (null, new Mark(1, 1), $"file is {encoding} (it starts with a {encoding} byte order mark): records must be UTF-8");
        }

        // Both calls are vectorized; the slow search for the position runs only for bad files.
        return Utf8.IsValid(bytes) ? (Encoding.UTF8.GetString(bytes), Mark.None, null) : InvalidUtf8(bytes);
    }

    // Editors save as UTF-16 ("Unicode" on Windows) with a byte order mark; "not valid UTF-8 (byte
    // 0xFF)" would be true but would not tell the user what to do. UTF-32 is tested first: its
    // little-endian mark begins with UTF-16's.
    private static string? OtherEncoding(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] or [0x00, 0x00, 0xFE, 0xFF, ..] => "UTF-32",
        [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] => "UTF-16",
        _ => null,
    };

    /// <summary>The first control character YAML forbids, or null.</summary>
    public static (Mark Mark, string Error)? FindForbiddenControl(string text)
    {
        var at = text.AsSpan().IndexOfAny(ForbiddenControls);
        return at < 0 ? null : (MarkAt(text, at), $"control character U+{(int)text[at]:X4} is not allowed");
    }

    private static (string? Text, Mark Mark, string? Error) InvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        Utf8.ToUtf16(bytes, chars, out var bytesRead, out var written, replaceInvalidSequences: false);
        var badByte = bytesRead < bytes.Length ? $" (byte 0x{bytes[bytesRead]:X2})" : "";
        return (null, MarkAt(chars, written), "file is not valid UTF-8" + badByte);
    }

    private static Mark MarkAt(ReadOnlySpan<char> text, int offset)
    {
        var before = text[..offset];
        var lastNewline = before.LastIndexOf('\n');
        return new Mark(before.Count('\n') + 1, offset - lastNewline);
    }
}
