using SigilGate.Domain.Records;

namespace SigilGate.Domain.Validation;

/// <summary>
/// The fields of each kind of file, in the order a file written by sigil lists them.
/// Cross-file rules (a Core node exists, addresses are unique) live in <see cref="CrossReferences"/>.
/// </summary>
internal static class RecordSchemas
{
    public static readonly IReadOnlyList<FieldRule> Policy =
    [
        new("roots", FieldType.StringList, Required: true) { NonEmpty = true, Check = ValueChecks.Identity },
        new("operators", FieldType.StringList, Required: false) { Check = ValueChecks.Identity },
    ];

    public static readonly IReadOnlyList<FieldRule> Network =
    [
        FieldRule.RequiredString("name"),
        FieldRule.OptionalString("sync_interval", ValueChecks.Duration("sync_interval")),
    ];

    public static readonly IReadOnlyList<FieldRule> CoreNode =
    [
        FieldRule.RequiredString("id", ValueChecks.IdMatchesFileName),
        FieldRule.RequiredString("address", ValueChecks.Address),
        FieldRule.RequiredString("region"),
        new("grpc_paths", FieldType.StringList, Required: false) { Check = ValueChecks.StartsWithSlash("'grpc_paths' items") },
    ];

    public static readonly IReadOnlyList<FieldRule> EntryNode =
    [
        FieldRule.RequiredString("id", ValueChecks.IdMatchesFileName),
        FieldRule.RequiredString("core"),
        FieldRule.RequiredString("address", ValueChecks.Address),
        new("enabled", FieldType.Boolean, Required: false) { Default = true },
    ];

    public static readonly IReadOnlyList<FieldRule> EntryState =
    [
        FieldRule.RequiredString("status", ValueChecks.OneOf("status", "up", "down", "degraded", "unknown")),
        FieldRule.RequiredString("last_seen", ValueChecks.Timestamp("last_seen")),
        FieldRule.RequiredString("grpc_path", ValueChecks.StartsWithSlash("'grpc_path'")),
    ];

    public static readonly IReadOnlyList<FieldRule> VersionSidecar =
    [
        new("vector", FieldType.Counters, Required: true),
        FieldRule.RequiredString("writer", ValueChecks.WriterId),
        FieldRule.RequiredString("time", ValueChecks.Timestamp("time")),
        FieldRule.RequiredString("sha256", ValueChecks.Sha256),
    ];

    public static IReadOnlyList<FieldRule> For(RecordKind kind) => kind switch
    {
        RecordKind.Policy => Policy,
        RecordKind.Network => Network,
        RecordKind.CoreNode => CoreNode,
        RecordKind.EntryNode => EntryNode,
        RecordKind.EntryState => EntryState,
        RecordKind.VersionSidecar => VersionSidecar,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no schema: not a validated file"),
    };
}
