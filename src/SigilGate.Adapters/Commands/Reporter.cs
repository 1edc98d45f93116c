using SigilGate.Core.Diagnostics;

namespace SigilGate.Adapters.Commands;

/// <summary>
/// Everything the commands tell the user goes to standard error with a <c>sigil:</c> prefix
/// (Git relays a hook's standard error as <c>remote: ...</c>).
/// </summary>
public sealed class Reporter(TextWriter error)
{
    public void Line(string text) => error.WriteLine("sigil: " + text);

    public void Error(Diagnostic diagnostic) => Line("error: " + diagnostic);

    public void Errors(IReadOnlyCollection<Diagnostic> diagnostics, string summaryVerb)
    {
        foreach (var diagnostic in diagnostics) Error(diagnostic);
        Line($"{summaryVerb}: {Count(diagnostics.Count, "error")}");
    }

    public static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
