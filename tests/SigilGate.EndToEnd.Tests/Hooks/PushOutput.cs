namespace SigilGate.EndToEnd.Tests.Hooks;

/// <summary>The lines of what a push (or a sigil command) wrote to standard error, as the specs read them.</summary>
internal static class PushOutput
{
    /// <summary>Every line, without the padding git adds to each remote line.</summary>
    public static string[] Lines(ProcessResult push) => push.StandardError.Split('\n').Select(l => l.TrimEnd()).ToArray();

    /// <summary>The lines the hooks printed (git relays them as <c>remote: sigil: ...</c>).</summary>
    public static string[] SigilLines(ProcessResult push) => Lines(push).Where(l => l.StartsWith("remote: sigil:", StringComparison.Ordinal)).ToArray();

    /// <summary>The hooks' error lines (<c>remote: sigil: error: ...</c>).</summary>
    public static string[] ErrorLines(ProcessResult push) => Lines(push).Where(l => l.StartsWith("remote: sigil: error:", StringComparison.Ordinal)).ToArray();

    /// <summary>Lines that start with <c>sigil: </c>, from a hook (without git's <c>remote: </c>) or from a command.</summary>
    public static string[] Messages(ProcessResult result) =>
        Lines(result)
            .Select(l => l.StartsWith("remote: ", StringComparison.Ordinal) ? l["remote: ".Length..] : l)
            .Where(l => l.StartsWith("sigil: ", StringComparison.Ordinal))
            .ToArray();
}
