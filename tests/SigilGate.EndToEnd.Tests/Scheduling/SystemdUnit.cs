namespace SigilGate.EndToEnd.Tests.Scheduling;

/// <summary>
/// A systemd unit file read as systemd reads the parts the packaged units use: sections, keys
/// (a key may repeat), the %i and %% specifiers. Anything else systemd would interpret (quotes,
/// line continuations, other specifiers, ExecStart prefixes) is refused, so a unit that grows
/// one fails here instead of being run differently from systemd.
/// </summary>
internal sealed class SystemdUnit
{
    private readonly List<(string Section, string Key, string Value)> _entries;

    private SystemdUnit(List<(string Section, string Key, string Value)> entries) => _entries = entries;

    public static SystemdUnit Read(string path)
    {
        var entries = new List<(string, string, string)>();
        var section = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line.EndsWith('\\')) throw new NotSupportedException($"{path}: line continuation not emulated: {line}");
            if (line[0] == '[' && line[^1] == ']')
            {
                section = line[1..^1];
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new FormatException($"{path}: not a key=value line: {line}");
            entries.Add((section, line[..equals].Trim(), line[(equals + 1)..].Trim()));
        }

        return new SystemdUnit(entries);
    }

    /// <summary>Every value of KEY in SECTION, in order (systemd adds up repeated Environment= lines).</summary>
    public IReadOnlyList<string> Values(string section, string key) =>
        _entries.Where(e => e.Section == section && e.Key == key).Select(e => e.Value).ToList();

    /// <summary>The one value of KEY in SECTION, or null.</summary>
    public string? Value(string section, string key) => Values(section, key).SingleOrDefault();

    /// <summary>ExecStart of the instance INSTANCE as the argument vector systemd executes.</summary>
    public IReadOnlyList<string> ExecStart(string instance)
    {
        var line = Values("Service", "ExecStart").ShouldHaveSingleItem();
        if (line.Length == 0 || line[0] is '@' or '-' or ':' or '+' or '!') throw new NotSupportedException($"ExecStart prefix not emulated: {line}");
        return Words(line).Select(w => Expand(w, instance)).ToList();
    }

    /// <summary>The NAME=VALUE assignments of the Environment= lines, specifiers expanded.</summary>
    public IReadOnlyList<string> Environment(string instance) =>
        Values("Service", "Environment").SelectMany(Words).Select(w => Expand(w, instance)).ToList();

    private static IEnumerable<string> Words(string value)
    {
        if (value.IndexOfAny(['"', '\'', '\\', '$']) >= 0) throw new NotSupportedException($"quoting and variables not emulated: {value}");
        return value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Expand(string word, string instance)
    {
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] != '%')
            {
                result.Append(word[i]);
                continue;
            }

            if (i + 1 >= word.Length) throw new FormatException($"a lone % in {word}");
            result.Append(word[++i] switch
            {
                'i' => instance,
                '%' => "%",
                var other => throw new NotSupportedException($"specifier %{other} not emulated: {word}"),
            });
        }

        return result.ToString();
    }
}
