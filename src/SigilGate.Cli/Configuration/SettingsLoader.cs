using SigilGate.Domain.Configuration;
using static SigilGate.Cli.Configuration.SettingsKeys;

namespace SigilGate.Cli.Configuration;

/// <summary>
/// Reads the settings, lowest to highest: built-in defaults, <c>/etc/sigil/sigil.json</c>,
/// <c>&lt;directory&gt;/sigil.json</c>, then environment variables <c>SIGIL_&lt;SECTION&gt;__&lt;KEY&gt;</c>
/// (e.g. <c>SIGIL_ETCD__ENDPOINTS</c>). Missing files are skipped; bad ones are errors.
/// </summary>
public static class SettingsLoader
{
    public const string FileName = "sigil.json";

    /// <param name="directory">The bare repository (or the <c>--workdir</c> clone) whose sigil.json applies; null for none.</param>
    /// <param name="environment">The environment to read <c>SIGIL_*</c> from; null for the process environment.</param>
    /// <param name="systemFile">The machine-wide file (tests pass a temporary one).</param>
    /// <exception cref="SettingsException">A file is malformed or unreadable, a key unknown, or a value bad; the message names the file or variable and the key.</exception>
    public static Settings Load(string? directory, IReadOnlyDictionary<string, string?>? environment = null, string systemFile = "/etc/sigil/sigil.json")
    {
        var files = new[] { systemFile, directory is null ? null : Path.Combine(directory, FileName) }
            .OfType<string>()
            .Select(SettingsSources.Json)
            .OfType<SettingsSource>()
            .ToList();
        files.ForEach(CheckKnown);
        var names = environment?.Keys ?? System.Environment.GetEnvironmentVariables().Keys.Cast<string>();
        EnvironmentNames.CheckSettings(names);

        var layers = new LayeredSettings([.. files, SettingsSources.Environment(environment)]);
        var settings = new Settings(ReadEtcd(layers), ReadSigil(layers));
        EnvironmentNames.CheckOthers(names, settings.Sigil.IdentityVariable);
        CheckCombinations(settings.Etcd, layers);
        return settings;
    }

    private static EtcdSettings ReadEtcd(LayeredSettings layers)
    {
        var d = Settings.Defaults.Etcd;
        return new EtcdSettings(
            Endpoints: layers.Read(Endpoints, d.Endpoints, SettingsRules.Endpoints),
            Username: layers.ReadOptional(Username, d.Username),
            PasswordFile: layers.ReadPath(PasswordFile, d.PasswordFile),
            CaFile: layers.ReadPath(CaFile, d.CaFile),
            CertFile: layers.ReadPath(CertFile, d.CertFile),
            KeyFile: layers.ReadPath(KeyFile, d.KeyFile),
            TimeoutSeconds: layers.Read(TimeoutSeconds, d.TimeoutSeconds, SettingsRules.Range(1, 3600)),
            MaxTxnOps: layers.Read(MaxTxnOps, d.MaxTxnOps, SettingsRules.Range(1, 100_000)));
    }

    private static SigilSettings ReadSigil(LayeredSettings layers)
    {
        var d = Settings.Defaults.Sigil;
        return new SigilSettings(
            Prefix: layers.Read(Prefix, d.Prefix, SettingsRules.Prefix),
            Branch: layers.Read(Branch, d.Branch, SettingsRules.Branch),
            IdentityVariable: layers.Read(IdentityVariable, d.IdentityVariable, SettingsRules.VariableName),
            OtherRefs: layers.Read(OtherRefs, d.OtherRefs, SettingsRules.OtherRefs),
            MassDeleteShare: layers.Read(MassDeleteShare, d.MassDeleteShare, SettingsRules.Share()));
    }

    private static void CheckCombinations(EtcdSettings etcd, LayeredSettings layers)
    {
        if ((etcd.Username is null) != (etcd.PasswordFile is null))
        {
            var set = etcd.Username is null ? PasswordFile : Username;
            throw new SettingsException($"{layers.Describe(set)}: etcd authentication needs both {Username} and {PasswordFile}, or neither");
        }

        if ((etcd.CertFile is null) != (etcd.KeyFile is null))
        {
            var set = etcd.CertFile is null ? KeyFile : CertFile;
            throw new SettingsException($"{layers.Describe(set)}: a client certificate needs both {CertFile} and {KeyFile}, or neither");
        }

        var tls = etcd.CaFile is not null ? CaFile : etcd.CertFile is not null ? CertFile : null;
        if (tls is not null && !etcd.Endpoints.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
        {
            throw new SettingsException($"{layers.Describe(tls)}: TLS files are set but {layers.Describe(Endpoints)} uses http ({etcd.Endpoints}): use https:// endpoints");
        }
    }
}
