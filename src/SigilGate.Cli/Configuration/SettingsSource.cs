using Microsoft.Extensions.Configuration;

namespace SigilGate.Cli.Configuration;

/// <summary>One layer of the configuration (a JSON file or the environment) and how to name its keys in messages.</summary>
internal sealed class SettingsSource(IConfigurationProvider provider, string? file, string? environmentPrefix)
{
    /// <summary>The directory relative file paths in this layer are taken from (the file's own directory).</summary>
    public string BaseDirectory => file is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(file)!;

    public bool TryGet(string key, out string? value) => provider.TryGet(key, out value);

    /// <summary>True when the key holds a list or an object instead of one value.</summary>
    public bool HasChildren(string key) => provider.GetChildKeys([], key).Any();

    public IEnumerable<string> Keys() => provider.GetChildKeys([], null).Distinct(StringComparer.OrdinalIgnoreCase)
        .SelectMany(section => provider.GetChildKeys([], section).Distinct(StringComparer.OrdinalIgnoreCase).Select(k => $"{section}:{k}").Prepend(section));

    /// <summary>Where a key's value came from, e.g. "/etc/sigil/sigil.json (Etcd:TimeoutSeconds)" or "environment variable SIGIL_ETCD__TIMEOUTSECONDS".</summary>
    public string Describe(string key) => file is not null
        ? $"{file} ({key})"
        : $"environment variable {environmentPrefix}{key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant()}";
}
