namespace SigilGate.Domain.Build;

/// <summary>
/// What an executable was built from: the suite's version (VersionPrefix) and the commit
/// (install/revision.sh: a short id, with <c>-dirty</c> when the checkout had changes; <c>unknown</c> without git).
/// </summary>
public sealed record BuildInfo(string Version, string Commit)
{
    public const string UnknownCommit = "unknown";

    // Source Link's full id (a build without install/build.sh) is shortened like git rev-parse --short=7.
    private const int FullIdLength = 40;
    private const int ShortIdLength = 7;

    /// <summary>Reads an assembly's informational version, <c>0.1.0+04264fd</c>; a missing commit is <see cref="UnknownCommit"/>.</summary>
    public static BuildInfo Parse(string? informationalVersion)
    {
        var text = informationalVersion?.Trim() ?? "";
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        var version = plus < 0 ? text : text[..plus];
        var commit = plus < 0 ? "" : text[(plus + 1)..];
        if (commit.Length == FullIdLength && Records.LowercaseHex.IsAll(commit)) commit = commit[..ShortIdLength];
        return new BuildInfo(version.Length == 0 ? "0.0.0" : version, commit.Length == 0 ? UnknownCommit : commit);
    }

    /// <summary>The <c>--version</c> line: <c>sigil 0.1.0+04264fd</c>.</summary>
    public string Line(string executable) => $"{executable} {Version}+{Commit}";
}
