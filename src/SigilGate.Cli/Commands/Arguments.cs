using SigilGate.Domain.Diagnostics;

namespace SigilGate.Cli.Commands;

/// <summary>
/// A small parser for <c>--name value</c>, <c>--name=value</c>, <c>--flag</c> and positional
/// arguments. Whatever it does not know is an error that names it (and the option most likely
/// meant): a mistyped <c>--dryrun</c> must not run the real thing.
/// </summary>
public sealed class Arguments
{
    /// <summary>Every command takes it (<see cref="HelpText.Requested"/>), so it is offered as a known option too.</summary>
    private const string Help = "--help";

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    private Arguments()
    {
    }

    public IReadOnlyList<string> Positional => _positional;

    /// <param name="positional">How many positional arguments the command takes; one more is an error.</param>
    /// <exception cref="ArgumentException">An unknown option, an option without its value, a value given to a flag, an option given twice, or a stray argument.</exception>
    public static Arguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags, int positional = 0)
    {
        var parsed = new Arguments();
        var onlyPositional = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPositional || arg is "-" || !arg.StartsWith('-'))
            {
                if (parsed._positional.Count == positional) throw new ArgumentException(Stray(arg, positional));
                parsed._positional.Add(arg);
                continue;
            }

            // Everything after "--" is positional: a directory may begin with '-'.
            if (arg == "--")
            {
                onlyPositional = true;
                continue;
            }

            var (name, inline) = arg.Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (arg, null);
            if (options.Contains(name))
            {
                if (parsed._values.ContainsKey(name)) throw new ArgumentException($"{name} is given twice");
                parsed._values[name] = inline ?? NextValue(args, ref i, name);
                if (string.IsNullOrWhiteSpace(parsed._values[name])) throw new ArgumentException($"{name} needs a value, got an empty one");
            }
            else if (flags.Contains(name))
            {
                if (inline is not null) throw new ArgumentException($"{name} takes no value (got {name}={inline})");
                parsed._flags.Add(name);
            }
            else
            {
                throw new ArgumentException(Unknown(name, [.. options, .. flags]));
            }
        }

        return parsed;
    }

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) => Value(name) ?? throw new ArgumentException($"{name} is required");

    /// <summary>A required path option, made absolute against the current directory.</summary>
    public string RequiredPath(string name) => Path.GetFullPath(Required(name));

    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>For commands that take options only (already so unless <see cref="Parse"/> was given a count).</summary>
    public void RejectPositional()
    {
        if (Positional.Count > 0) throw new ArgumentException(Stray(Positional[0], 0));
    }

    /// <summary>The message for an option no command knows: the one most likely meant, else every one there is.</summary>
    public static string Unknown(string name, IReadOnlyCollection<string> known)
    {
        var all = known.Append(Help).ToList();
        return NearestName.Find(name, all) is { } nearest
            ? $"unknown option {name} (did you mean {nearest}?)"
            : $"unknown option {name} (known: {string.Join(", ", all)})";
    }

    // "--repo --json" is a forgotten value, not a repository named "--json".
    private static string NextValue(IReadOnlyList<string> args, ref int i, string name)
    {
        if (i + 1 >= args.Count) throw new ArgumentException($"{name} needs a value");
        var value = args[++i];
        if (value.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"{name} needs a value, got the option {value} (write {name}={value} if that is the value)");
        return value;
    }

    private static string Stray(string arg, int positional) => positional == 0
        ? $"unexpected argument {arg}: this command takes options only (see --help)"
        : $"unexpected argument {arg}: this command takes at most {Reporter.Count(positional, "argument")} besides its options (see --help)";
}
