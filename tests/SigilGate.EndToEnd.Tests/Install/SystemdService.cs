namespace SigilGate.EndToEnd.Tests.Install;

/// <summary>
/// A <c>.service</c> unit's <c>[Service]</c> section, and its <c>ExecStart</c> run the way systemd
/// runs it: no shell (the line split into words by systemd's quoting rules), in systemd's
/// environment for services (its PATH, and HOME, USER, LOGNAME and SHELL of <c>User=</c>), with
/// the unit's <c>Environment=</c> lines, nothing inherited, from the root folder.
/// </summary>
internal sealed record SystemdService(IReadOnlyList<string> ExecStart, string? User, IReadOnlyDictionary<string, string> Environment)
{
    private const string SystemdPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public static SystemdService Parse(string text)
    {
        string? section = null, user = null;
        IReadOnlyList<string>? exec = null;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';')) continue;
            if (line.StartsWith('['))
            {
                section = line;
                continue;
            }

            if (section != "[Service]") continue;
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var (key, value) = (line[..equals], line[(equals + 1)..]);
            switch (key)
            {
                case "ExecStart":
                    exec = Words(value);
                    break;
                case "User":
                    user = value;
                    break;
                case "Environment":
                    foreach (var assignment in Words(value))
                    {
                        var at = assignment.IndexOf('=', StringComparison.Ordinal);
                        environment[assignment[..at]] = assignment[(at + 1)..];
                    }

                    break;
            }
        }

        exec.ShouldNotBeNull("the unit has no ExecStart:\n" + text);
        return new SystemdService(exec, user, environment);
    }

    /// <summary>The argument list of <c>env -i VARS... PROGRAM ARGS...</c> for the service's account.</summary>
    public IReadOnlyList<string> CommandLine(string account, string home)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = SystemdPath };
        if (User is not null)
        {
            variables["HOME"] = home;
            variables["USER"] = account;
            variables["LOGNAME"] = account;
            variables["SHELL"] = "/bin/sh";
        }

        foreach (var (name, value) in Environment) variables[name] = value;
        var program = ExecStart[0].TrimStart('-', '@', '+', '!', ':');
        return ["-i", .. variables.Select(v => $"{v.Key}={v.Value}"), program, .. ExecStart.Skip(1)];
    }

    // systemd splits a command line at spaces; double or single quotes hold a word together.
    // Specifiers (%) and $VARIABLE expansion are left out: the units here use neither.
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        char? quote = null;
        var inWord = false;
        foreach (var c in line)
        {
            if (quote is not null)
            {
                if (c == quote) quote = null;
                else word.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (c == ' ')
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord) words.Add(word.ToString());
        return words;
    }
}
