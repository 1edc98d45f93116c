using SigilGate.Domain.Diagnostics;
using SigilGate.Workflows;

namespace SigilGate.Cli.Configuration;

/// <summary>
/// The <c>SIGIL_*</c> environment variables. One shaped like a setting (<c>SIGIL_&lt;SECTION&gt;__&lt;KEY&gt;</c>)
/// that no setting reads is an error, as an unknown key in sigil.json is: <c>SIGIL_ETCD__ENDPOINT</c>
/// would otherwise leave the default etcd in use without a word. Other <c>SIGIL_</c> names are allowed
/// (other programs may use the prefix), unless one is a near miss of a name the suite reads.
/// </summary>
internal static class EnvironmentNames
{
    /// <summary>Read by the suite, its build or its scripts, and not settings.</summary>
    private static readonly string[] Others =
    [
        // the default identity variable (Sigil:IdentityVariable)
        "SIGIL_IDENTITY",

        // the crash points of the test build
        CrashPoint.Variable,

        // install/*.sh and the tests: where the executables and the sources are, package metadata, long runs
        "SIGIL_BIN", "SIGIL_CRASH_BIN", "SIGIL_EXECUTABLES", "SIGIL_REPO_ROOT", "SIGIL_DEB", "SIGIL_DEB_MAINTAINER",
        "SIGIL_SOAK_SECONDS", "SIGIL_SOAK_SEED", "SIGIL_MODEL_SEED", "SIGIL_MODEL_SKIP", "SIGIL_MODEL_STEPS", "SIGIL_MODEL_MINUTES",
    ];

    /// <summary>Every setting as its variable, e.g. <c>SIGIL_ETCD__ENDPOINTS</c>.</summary>
    public static IReadOnlyList<string> Settings { get; } =
        [.. SettingsKeys.All.Select(key => SettingsSources.EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant())];

    /// <summary>Before the settings are read: a misspelt setting must not be read as "not set".</summary>
    /// <exception cref="SettingsException">A <c>SIGIL_SECTION__KEY</c> variable that is not a setting.</exception>
    public static void CheckSettings(IEnumerable<string> names)
    {
        foreach (var name in Ours(names).Where(n => n.Contains("__", StringComparison.Ordinal)))
        {
            if (Settings.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
            var hint = NearestName.Find(name, Settings) is { } nearest ? $"did you mean {nearest}?" : $"settings are {string.Join(", ", Settings)}";
            throw new SettingsException($"environment variable {name}: unknown setting; {hint}");
        }
    }

    /// <summary>After the settings are read (the identity variable is one of them).</summary>
    /// <exception cref="SettingsException">A <c>SIGIL_</c> variable one edit or two from a name the suite reads.</exception>
    public static void CheckOthers(IEnumerable<string> names, string identityVariable)
    {
        var known = Settings.Concat(Others).Append(identityVariable).ToList();
        foreach (var name in Ours(names).Where(n => !n.Contains("__", StringComparison.Ordinal)))
        {
            if (known.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
            if (NearestName.Find(name, known) is { } nearest)
            {
                throw new SettingsException($"environment variable {name}: unknown; did you mean {nearest}?");
            }
        }
    }

    private static IEnumerable<string> Ours(IEnumerable<string> names) =>
        names.Where(n => n.StartsWith(SettingsSources.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase));
}
