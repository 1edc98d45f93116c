namespace SigilGate.Cli.Configuration;

/// <summary>
/// Looks keys up through the layers, highest first, and parses them by name (no reflection binder,
/// so it works under Native AOT). A parse failure is reported with the layer and key that held the value.
/// </summary>
internal sealed class LayeredSettings(IReadOnlyList<SettingsSource> lowestFirst)
{
    /// <summary>
    /// The highest layer's value, parsed; <paramref name="fallback"/> when no layer sets it.
    /// An empty or null value does not count as set: a required setting cannot be erased.
    /// </summary>
    public T Read<T>(string key, T fallback, Func<string, T> parse)
    {
        foreach (var source in Highest())
        {
            CheckSingleValue(source, key);
            if (source.TryGet(key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return Parse(source, key, value.Trim(), parse);
            }
        }

        return fallback;
    }

    /// <summary>
    /// An optional file path: the highest layer that mentions the key wins, and null or "" there
    /// means "none". A relative path is taken from the directory of the file that holds it.
    /// </summary>
    public string? ReadPath(string key, string? fallback)
    {
        foreach (var source in Highest())
        {
            CheckSingleValue(source, key);
            if (source.TryGet(key, out var value))
            {
                return string.IsNullOrWhiteSpace(value) ? null : Path.GetFullPath(value.Trim(), source.BaseDirectory);
            }
        }

        return fallback;
    }

    /// <summary>An optional plain string with the same "null or empty means none" rule as <see cref="ReadPath"/>.</summary>
    public string? ReadOptional(string key, string? fallback)
    {
        foreach (var source in Highest())
        {
            CheckSingleValue(source, key);
            if (source.TryGet(key, out var value))
            {
                return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            }
        }

        return fallback;
    }

    /// <summary>Where the effective value of a key comes from, for messages about combinations of keys.</summary>
    public string Describe(string key) =>
        Highest().FirstOrDefault(s => s.TryGet(key, out _))?.Describe(key) ?? $"{key} (default)";

    private IEnumerable<SettingsSource> Highest() => lowestFirst.Reverse();

    private static T Parse<T>(SettingsSource source, string key, string value, Func<string, T> parse)
    {
        try
        {
            return parse(value);
        }
        catch (FormatException e)
        {
            throw new SettingsException($"{source.Describe(key)}: {e.Message}, got '{value}'", e);
        }
    }

    private static void CheckSingleValue(SettingsSource source, string key)
    {
        if (source.HasChildren(key))
        {
            throw new SettingsException($"{source.Describe(key)}: must be a single value, not a list or an object");
        }
    }
}
