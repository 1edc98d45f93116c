using System.Buffers;
using System.Text.Unicode;
using SigilGate.Core.Diagnostics;

namespace SigilGate.Core.Yaml;

/// <summary>
/// Strict decoding of a file's bytes: a record must be valid UTF-8 (a BOM is tolerated, editors on
/// Windows write one) and free of control characters other than tab and line breaks, which YAML
/// forbids and which would otherwise travel unseen into etcd.
/// </summary>
internal static class Utf8Text
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    public static (string? Text, Mark Mark, string? Error) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(ByteOrderMark)) bytes = bytes[ByteOrderMark.Length..];

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var badByte = bytesRead < bytes.Length ? $" (byte 0x{bytes[bytesRead]:X2})" : "";
            return (null, MarkAt(chars, written), "file is not valid UTF-8" + badByte);
        }

        for (var i = 0; i < written; i++)
        {
            var c = chars[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return (null, MarkAt(chars, i), $"control character U+{(int)c:X4} is not allowed");
            }
        }

        return (new string(chars, 0, written), Mark.None, null);
    }

    private static Mark MarkAt(char[] chars, int offset)
    {
        var before = chars.AsSpan(0, offset);
        var lastNewline = before.LastIndexOf('\n');
        var line = before.Count('\n') + 1;
        return new Mark(line, offset - lastNewline);
    }
}
