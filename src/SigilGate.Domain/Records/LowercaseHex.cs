using System.Buffers;

namespace SigilGate.Domain.Records;

/// <summary>Lowercase hexadecimal text, as Git writes object ids and the suite writes SHA-256 digests.</summary>
public static class LowercaseHex
{
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789abcdef");

    /// <summary>Whether every character of <paramref name="text"/> is a lowercase hexadecimal digit (checked a vector at a time: drift checks 100,000 digests).</summary>
    public static bool IsAll(string text) => IsAll(text.AsSpan());

    /// <inheritdoc cref="IsAll(string)"/>
    public static bool IsAll(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(Digits);
}
