using SigilGate.Domain.Diagnostics;

namespace SigilGate.Cli.Commands;

/// <summary>
/// Everything the commands tell the user goes to standard error with a <c>sigil:</c> prefix
/// (Git relays a hook's standard error as <c>remote: ...</c>).
/// </summary>
/// <param name="gitLab">
/// Also print each rejection line with GitLab's <c>GL-HOOK-ERR: </c> prefix: GitLab's web UI shows
/// a hook's output only from such lines (https://docs.gitlab.com/administration/server_hooks/#custom-error-messages).
/// </param>
public sealed class Reporter(TextWriter error, bool gitLab = false)
{
    public const string GitLabPrefix = "GL-HOOK-ERR: ";

    /// <summary>A reporter for a hook: with GitLab's prefix when GitLab runs it (it sets <c>GL_ID</c> and <c>GL_USERNAME</c>).</summary>
    public static Reporter ForHook(TextWriter error, IReadOnlyDictionary<string, string?> environment) =>
        new(error, IsGitLab(environment));

    public static bool IsGitLab(IReadOnlyDictionary<string, string?> environment) =>
        !string.IsNullOrEmpty(environment.GetValueOrDefault("GL_ID")) || !string.IsNullOrEmpty(environment.GetValueOrDefault("GL_USERNAME"));

    public void Line(string text) => error.WriteLine("sigil: " + text);

    /// <summary>A line that says why a push is refused (an error, a hint, the summary): under GitLab, printed twice.</summary>
    public void Rejection(string text)
    {
        Line(text);
        if (gitLab) error.WriteLine(GitLabPrefix + "sigil: " + text);
    }

    public void Error(Diagnostic diagnostic) => Rejection("error: " + diagnostic);

    public void Errors(IReadOnlyCollection<Diagnostic> diagnostics, string summaryVerb)
    {
        foreach (var diagnostic in diagnostics) Error(diagnostic);
        Rejection($"{summaryVerb}: {Count(diagnostics.Count, "error")}");
    }

    public static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
