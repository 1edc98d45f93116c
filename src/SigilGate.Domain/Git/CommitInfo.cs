namespace SigilGate.Domain.Git;

/// <summary>What the suite needs to know of a commit.</summary>
public sealed record CommitInfo(string Sha, IReadOnlyList<string> Parents, DateTimeOffset CommitterTime, string Subject)
{
    public string ShortSha => Sha[..Math.Min(7, Sha.Length)];

    /// <summary>The author's name as written in the commit (null: not read).</summary>
    public string? AuthorName { get; init; }

    /// <summary>The committer's name as written in the commit (null: not read).</summary>
    public string? CommitterName { get; init; }

    /// <summary>The whole commit message (empty: not read); its trailers are read with <see cref="CommitTrailers"/>.</summary>
    public string Message { get; init; } = "";

    public string? FirstParent => Parents.Count > 0 ? Parents[0] : null;
}
