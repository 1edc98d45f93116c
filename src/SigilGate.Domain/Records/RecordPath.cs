using System.Text.RegularExpressions;

namespace SigilGate.Domain.Records;

/// <summary>
/// A classified repository path. Records map to etcd keys by dropping <c>.yaml</c>:
/// <c>nodes/entry/e-7.yaml</c> is key <c>&lt;prefix&gt;/nodes/entry/e-7</c>.
/// </summary>
public sealed partial record RecordPath
{
    public const string Extension = ".yaml";
    public const string PolicyFile = "sigil.yaml";
    public const string NetworkFile = "network.yaml";
    public const string SidecarRoot = ".sigil/versions/";
    public const string ConflictRoot = ".sigil/conflicts/";

    private RecordPath(string path, RecordKind kind, string? id, string? core)
    {
        Path = path;
        Kind = kind;
        Id = id;
        Core = core;
    }

    /// <summary>The path inside the repository, '/'-separated.</summary>
    public string Path { get; }

    public RecordKind Kind { get; }

    /// <summary>The record's id: the node id, or the entry id of a state record.</summary>
    public string? Id { get; }

    /// <summary>For a state record, the Core node that owns it.</summary>
    public string? Core { get; }

    /// <summary>Records that live in etcd (everything but policy, sidecars and other files).</summary>
    public bool IsSynced => Kind is RecordKind.Network or RecordKind.CoreNode or RecordKind.EntryNode or RecordKind.EntryState;

    /// <summary>The key below the prefix, without a leading slash: <c>nodes/entry/e-7</c>.</summary>
    public string KeySuffix => Path[..^Extension.Length];

    /// <summary>The area of the records Git owns (everything outside a Core node's state).</summary>
    public const string GitArea = "git";

    /// <summary>Who owns the record: a Core node's area <c>state/&lt;core&gt;/</c> for its state records, else <see cref="GitArea"/>.</summary>
    public string Area => Core is { } core && Kind == RecordKind.EntryState ? $"state/{core}/" : GitArea;

    /// <summary>Where Git keeps this record's version.</summary>
    public string SidecarPath => SidecarRoot + Path;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    public static partial Regex IdPattern();

    [GeneratedRegex("^[0-9a-f]{16}\\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex KeptFilePattern();

    /// <summary>Where Git keeps a losing version of this record, by the loser's content hash.</summary>
    public string KeptConflictPath(string loserSha256) => $"{ConflictRoot}{KeySuffix}/{loserSha256[..16]}.json";

    /// <summary>
    /// Whether <paramref name="id"/> matches <see cref="IdPattern"/> exactly (no final newline, which
    /// the pattern's '$' would let through). Checked by hand: every file name and writer of a large
    /// network goes through here.
    /// </summary>
    public static bool IsValidId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return IsValidId(id.AsSpan());
    }

    /// <inheritdoc cref="IsValidId(string)"/>
    public static bool IsValidId(ReadOnlySpan<char> id)
    {
        if (id.Length is 0 or > 63 || !char.IsAsciiDigit(id[0]) && !char.IsAsciiLetterLower(id[0])) return false;
        return !id[1..].ContainsAnyExcept(IdCharacters);
    }

    private static readonly System.Buffers.SearchValues<char> IdCharacters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    public static RecordPath Parse(string path)
    {
        if (path == PolicyFile) return new(path, RecordKind.Policy, null, null);
        if (path == NetworkFile) return new(path, RecordKind.Network, null, null);

        var parts = path.Split('/');
        if (path.StartsWith(ConflictRoot, StringComparison.Ordinal))
        {
            var kept = path[ConflictRoot.Length..];
            var slash = kept.LastIndexOf('/');
            return slash > 0 && KeptFilePattern().IsMatch(kept[(slash + 1)..]) && FromKeySuffix(kept[..slash]) is { } owner
                ? new(path, RecordKind.KeptConflict, owner.Id, owner.Core)
                : new(path, RecordKind.Misplaced, null, null);
        }

        if (parts[0] == ".sigil")
        {
            return path.StartsWith(SidecarRoot, StringComparison.Ordinal) && Parse(path[SidecarRoot.Length..]).IsSynced
                ? new(path, RecordKind.VersionSidecar, null, null)
                : new(path, RecordKind.Misplaced, null, null);
        }

        if (parts[0] is not ("nodes" or "state")) return new(path, RecordKind.Other, null, null);
        if (IsDocumentation(parts[^1])) return new(path, RecordKind.Other, null, null);

        if (parts is ["nodes", "core" or "entry", var file] && TryId(file, out var nodeId))
        {
            return new(path, parts[1] == "core" ? RecordKind.CoreNode : RecordKind.EntryNode, nodeId, null);
        }

        if (parts is ["state", var core, "entries", var stateFile] && IsValidId(core) && TryId(stateFile, out var entryId))
        {
            return new(path, RecordKind.EntryState, entryId, core);
        }

        return new(path, RecordKind.Misplaced, null, null);
    }

    /// <summary>The record path for a key suffix (<c>nodes/entry/e-7</c>), or null when no record lives there.</summary>
    public static RecordPath? FromKeySuffix(string suffix)
    {
        var parsed = Parse(suffix + Extension);
        return parsed.IsSynced ? parsed : null;
    }

    /// <summary>The record a sidecar path describes.</summary>
    public RecordPath SidecarTarget => Kind == RecordKind.VersionSidecar
        ? Parse(Path[SidecarRoot.Length..])
        : throw new InvalidOperationException($"{Path} is not a version sidecar");

    // READMEs and notes may sit beside records without being records.
    private static bool IsDocumentation(string file) =>
        file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || file.StartsWith("README", StringComparison.OrdinalIgnoreCase);

    private static bool TryId(string file, out string id)
    {
        id = file.EndsWith(Extension, StringComparison.Ordinal) ? file[..^Extension.Length] : "";
        return IsValidId(id);
    }

    public override string ToString() => Path;
}
