namespace SigilGate.Testing;

/// <summary>
/// A line of <c>sigil push</c>'s standard error as specs look for it: every line starts with the UTC
/// time and then <c>sigil push &lt;node&gt;: </c> where other commands print <c>sigil: </c>; the
/// time differs from run to run, so specs look for the rest.
/// </summary>
public static class PushLines
{
    public static string Of(string text, string node = "core-1") => $"sigil push {node}: {text}";
}
