namespace SigilGate.Domain.Git;

/// <summary>One line of a pre-/post-receive hook's standard input: <c>&lt;old&gt; &lt;new&gt; &lt;ref&gt;</c>.</summary>
public sealed record RefUpdate(string OldSha, string NewSha, string RefName)
{
    public const string ZeroSha = "0000000000000000000000000000000000000000";

    public const string BranchPrefix = "refs/heads/";

    public bool IsCreate => IsZero(OldSha);

    public bool IsDelete => IsZero(NewSha);

    public string? Old => IsCreate ? null : OldSha;

    /// <summary>
    /// The ref <see cref="RefName"/> resolves to on the server, following symbolic refs (null: not
    /// resolved). A push to a symbolic ref moves its target, so a name that resolves to the
    /// protected branch is the protected branch.
    /// </summary>
    public string? ResolvedName { get; init; }

    public bool IsBranch(string branch) => RefName == BranchPrefix + branch || ResolvedName == BranchPrefix + branch;

    /// <summary>Parses hook input; malformed lines are reported, never thrown.</summary>
    public static IReadOnlyList<RefUpdate> ParseAll(string input, out IReadOnlyList<string> malformed)
    {
        var updates = new List<RefUpdate>();
        var bad = new List<string>();
        foreach (var line in input.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ');
            if (parts.Length == 3 && IsSha(parts[0]) && IsSha(parts[1]) && parts[2].StartsWith("refs/", StringComparison.Ordinal))
            {
                updates.Add(new RefUpdate(parts[0], parts[1], parts[2]));
            }
            else
            {
                bad.Add(line);
            }
        }

        malformed = bad;
        return updates;
    }

    private static bool IsZero(string sha) => sha.All(c => c == '0');

    // SHA-1 (40) or SHA-256 (64) object names.
    private static bool IsSha(string s) => s.Length is 40 or 64 && s.All(Uri.IsHexDigit);
}
