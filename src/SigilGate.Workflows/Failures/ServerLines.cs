namespace SigilGate.Workflows.Failures;

/// <summary>The server's lines as git relayed them (<c>remote: sigil: error: ...</c>, ssh's and gitolite's refusals), indented, blank ones left out.</summary>
public static class ServerLines
{
    public static IEnumerable<string> Indented(string messages) =>
        messages.Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0).Select(line => "  " + line);

    /// <summary>
    /// What the hooks of a push into the server's own repository said, without git's prefixes and
    /// its own report of the push (which says only that it was refused); all lines when no hook spoke.
    /// </summary>
    public static IEnumerable<string> OfHooks(string messages)
    {
        const string Remote = "remote: ";
        const string Sigil = "sigil: ";
        var hooks = messages.Split('\n').Select(line => line.TrimEnd()).Where(line => line.StartsWith(Remote, StringComparison.Ordinal))
            .Select(line => line[Remote.Length..]).Select(line => line.StartsWith(Sigil, StringComparison.Ordinal) ? line[Sigil.Length..] : line)
            .Where(line => line.Length > 0).Select(line => "  " + line).ToList();
        return hooks.Count > 0 ? hooks : Indented(messages);
    }
}
