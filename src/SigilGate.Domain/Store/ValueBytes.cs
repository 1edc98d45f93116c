using System.Buffers;
using System.Text.Unicode;
using System.Text;

namespace SigilGate.Domain.Store;

/// <summary>
/// etcd holds bytes; the suite handles values as text. A value that is not UTF-8 (an agent's bug, a
/// binary written by hand) must neither be read as another value nor lose bytes on its way back: read
/// loosely, <c>"/g\xff"</c> would become <c>"/g\ufffd"</c>, a valid record nobody wrote, which a pusher
/// would mirror into Git and drift would find equal to it. So each byte that is not part of UTF-8 is
/// held as the lone surrogate U+DC80 to U+DCFF (a character no UTF-8 text can decode to) and written
/// back as that byte: the text is exact both ways, and <see cref="FirstNonUtf8Byte"/> tells readers it is not UTF-8.
/// </summary>
public static class ValueBytes
{
    private const char FirstEscape = '\udc80';
    private const char LastEscape = '\udcff';

    public static string ToText(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        var text = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var used) == OperationStatus.Done) text.Append(rune.ToString());
            else foreach (var b in bytes[..used]) text.Append((char)(0xdc00 + b));
            bytes = bytes[used..];
        }

        return text.ToString();
    }

    public static byte[] ToBytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (FirstNonUtf8Byte(text) is null) return Encoding.UTF8.GetBytes(text);
        var bytes = new List<byte>(text.Length + 8);
        Span<byte> encoded = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= FirstEscape and <= LastEscape)
            {
                bytes.Add((byte)(text[i] - 0xdc00));
                continue;
            }

            var rune = Rune.DecodeFromUtf16(text.AsSpan(i), out var read, out var used) == OperationStatus.Done ? read : Rune.ReplacementChar;
            var length = rune.EncodeToUtf8(encoded);
            for (var k = 0; k < length; k++) bytes.Add(encoded[k]);
            i += Math.Max(used, 1) - 1;
        }

        return [.. bytes];
    }

    /// <summary>The first byte of a value read by <see cref="ToText"/> that is not part of UTF-8, and how many bytes of UTF-8 come before it; null when it is UTF-8 text.</summary>
    public static (byte Byte, int Offset)? FirstNonUtf8Byte(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var from = 0;
        while (from < text.Length)
        {
            var found = text.AsSpan(from).IndexOfAnyInRange(FirstEscape, LastEscape);
            if (found < 0) return null;
            var at = from + found;

            // After a high surrogate it is the second half of a character beyond U+FFFF (ToText never leaves one alone).
            if (at == 0 || !char.IsHighSurrogate(text[at - 1])) return ((byte)(text[at] - 0xdc00), Encoding.UTF8.GetByteCount(text.AsSpan(0, at)));
            from = at + 1;
        }

        return null;
    }
}
