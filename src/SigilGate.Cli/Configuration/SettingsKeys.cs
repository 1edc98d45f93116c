namespace SigilGate.Cli.Configuration;

/// <summary>The keys a sigil.json may hold. A misspelt key in a file is an error, not a silently ignored line.</summary>
internal static class SettingsKeys
{
    public const string Endpoints = "Etcd:Endpoints";
    public const string Username = "Etcd:Username";
    public const string PasswordFile = "Etcd:PasswordFile";
    public const string CaFile = "Etcd:CaFile";
    public const string CertFile = "Etcd:CertFile";
    public const string KeyFile = "Etcd:KeyFile";
    public const string TimeoutSeconds = "Etcd:TimeoutSeconds";
    public const string MaxTxnOps = "Etcd:MaxTxnOps";
    public const string Prefix = "Sigil:Prefix";
    public const string Branch = "Sigil:Branch";
    public const string IdentityVariable = "Sigil:IdentityVariable";
    public const string OtherRefs = "Sigil:OtherRefs";
    public const string MassDeleteShare = "Sigil:MassDeleteShare";

    private static readonly HashSet<string> Known = new(
        [
            "Etcd", Endpoints, Username, PasswordFile, CaFile, CertFile, KeyFile, TimeoutSeconds, MaxTxnOps,
            "Sigil", Prefix, Branch, IdentityVariable, OtherRefs, MassDeleteShare,
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Every setting's key, e.g. <c>Etcd:Endpoints</c> (not the section names).</summary>
    public static IReadOnlyList<string> All { get; } = [.. Known.Where(k => k.Contains(':', StringComparison.Ordinal))];

    /// <summary>Refuses keys of a file that no setting reads (environment variables: <see cref="EnvironmentNames"/>).</summary>
    public static void CheckKnown(SettingsSource file)
    {
        var unknown = file.Keys().FirstOrDefault(k => !Known.Contains(k));
        if (unknown is not null)
        {
            var hint = Domain.Diagnostics.NearestName.Find(unknown, All) is { } nearest ? $"did you mean {nearest}? " : "";
            throw new SettingsException($"{file.Describe(unknown)}: unknown setting; {hint}known keys are {string.Join(", ", All)}");
        }
    }
}
