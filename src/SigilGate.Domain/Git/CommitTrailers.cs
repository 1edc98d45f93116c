namespace SigilGate.Domain.Git;

/// <summary>
/// The trailers of a commit message as git writes them (<c>Key: value</c> lines in the message's
/// last paragraph): the suite's own commits say who made them and why in trailers.
/// </summary>
public static class CommitTrailers
{
    /// <summary>The values of every trailer named <paramref name="key"/> (compared without case, as git does), in order.</summary>
    public static IReadOnlyList<string> Values(string message, string key)
    {
        ArgumentNullException.ThrowIfNull(message);
        var paragraphs = message.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split("\n\n");

        // The subject alone is never a trailer block, however it looks.
        if (paragraphs.Length < 2) return [];
        var prefix = key + ":";
        return paragraphs[^1].Split('\n')
            .Where(line => line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(line => line[prefix.Length..].Trim())
            .ToList();
    }
}
