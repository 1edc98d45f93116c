namespace SigilGate.Cli.Commands;

/// <summary>A small parser for <c>--name value</c>, <c>--flag</c> and positional arguments; unknown options are errors.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private Arguments(List<string> positional) => Positional = positional;

    public IReadOnlyList<string> Positional { get; }

    public static Arguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags)
    {
        var parsed = new Arguments([]);
        var positional = (List<string>)parsed.Positional;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, inline) = arg.Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (arg, null);
            if (options.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value"));
                parsed._values[name] = value;
            }
            else if (flags.Contains(arg))
            {
                parsed._flags.Add(arg);
            }
            else if (arg.StartsWith('-'))
            {
                throw new ArgumentException($"unknown option {arg}");
            }
            else
            {
                positional.Add(arg);
            }
        }

        return parsed;
    }

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) => Value(name) ?? throw new ArgumentException($"{name} is required");

    /// <summary>A required path option, made absolute against the current directory.</summary>
    public string RequiredPath(string name) => Path.GetFullPath(Required(name));

    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>For commands that take options only.</summary>
    public void RejectPositional()
    {
        if (Positional.Count > 0) throw new ArgumentException($"unexpected argument {Positional[0]}");
    }
}
