using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace SigilGate.Cli.Configuration;

/// <summary>Builds the layers: JSON files that exist, and the <c>SIGIL_</c> environment variables.</summary>
internal static class SettingsSources
{
    public const string EnvironmentPrefix = "SIGIL_";

    /// <summary>A JSON layer, or null when nothing is at the path (every file is optional).</summary>
    public static SettingsSource? Json(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            // Only a path with nothing there is "no file". A folder where the file belongs is a
            // mistake: skipping it would run the command, a hook included, on the built-in defaults
            // (etcd at 127.0.0.1, prefix /sigil) as if nothing had been set.
            if (Directory.Exists(full)) throw new SettingsException($"{full}: is a folder, not a settings file: remove it or put the JSON settings there");
            return null;
        }

        // A named pipe or a device there would be read forever (a pipe waits for a writer); they
        // have no length, as an empty file has none, and neither holds settings.
        if (new FileInfo(full).Length == 0) throw new SettingsException($"{full}: is empty, or not a regular file (a pipe, a device): write the JSON settings there or remove it");

        try
        {
            var root = new ConfigurationBuilder().AddJsonFile(full, optional: false, reloadOnChange: false).Build();
            return new SettingsSource(root.Providers.Single(), full, null);
        }
        catch (InvalidDataException e)
        {
            throw new SettingsException($"{full}: malformed JSON: {Innermost(e)}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException($"{full}: cannot read the configuration file: {e.Message}", e);
        }
    }

    /// <summary>
    /// The <c>SIGIL_SECTION__KEY</c> variables, from the given dictionary or else from the process
    /// (then through the EnvironmentVariables provider, which applies the same naming rules).
    /// </summary>
    public static SettingsSource Environment(IReadOnlyDictionary<string, string?>? environment)
    {
        var builder = new ConfigurationBuilder();
        if (environment is null)
        {
            builder.AddEnvironmentVariables(EnvironmentPrefix);
        }
        else
        {
            builder.AddInMemoryCollection(environment
                .Where(e => e.Key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
                .Select(e => KeyValuePair.Create(e.Key[EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), e.Value)));
        }

        return new SettingsSource(builder.Build().Providers.Single(), null, EnvironmentPrefix);
    }

    private static string Innermost(Exception error)
    {
        var inner = error;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner is JsonException { LineNumber: { } line, BytePositionInLine: { } column }
            ? $"line {line + 1}, column {column + 1}: {inner.Message.Split(" LineNumber:", 2)[0]}"
            : inner.Message;
    }
}
