namespace SigilGate.Git;

/// <summary>What a git object id looks like as the files the hooks keep write it.</summary>
internal static class ObjectIds
{
    /// <summary>40 lower-case hex digits (SHA-1), or 64 in a SHA-256 repository.</summary>
    public static bool IsWellFormed(string text) => text.Length is 40 or 64 && Domain.Records.LowercaseHex.IsAll(text);
}
