namespace SigilGate.Workflows.Failures;

/// <summary>The server's lines as git relayed them (<c>remote: sigil: error: ...</c>, ssh's and gitolite's refusals), indented, blank ones left out.</summary>
public static class ServerLines
{
    public static IEnumerable<string> Indented(string messages) =>
        messages.Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0).Select(line => "  " + line);
}
