using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace SigilGate.Git;

/// <summary>
/// The frame of a kept text file (<see cref="ReplacedFile"/>): lines, and a last line with the SHA-256 of
/// everything before it. A file whose last line is not exactly that is not one (truncated, corrupt).
/// </summary>
internal static class ChecksummedText
{
    private const string ChecksumPrefix = "sha256 ";

    /// <summary>Ends <paramref name="output"/> with the checksum line of what it holds.</summary>
    public static void Seal(ArrayBufferWriter<byte> output) =>
        Append(output, $"{ChecksumPrefix}{Convert.ToHexStringLower(SHA256.HashData(output.WrittenSpan))}\n");

    /// <summary>How many bytes come before the checksum line when it holds; -1 when it does not.</summary>
    public static int BodyLength(byte[] bytes)
    {
        var bodyEnd = LastLineStart(bytes);
        if (bodyEnd < 0) return -1;
        var checksum = Encoding.ASCII.GetBytes($"{ChecksumPrefix}{Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan(0, bodyEnd)))}\n");
        return bytes.AsSpan(bodyEnd).SequenceEqual(checksum) ? bodyEnd : -1;
    }

    public static void Append(ArrayBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private static int LastLineStart(byte[] bytes)
    {
        if (bytes.Length == 0 || bytes[^1] != (byte)'\n') return -1;
        var previous = bytes.AsSpan(0, bytes.Length - 1).LastIndexOf((byte)'\n');
        return previous < 0 ? -1 : previous + 1;
    }
}
