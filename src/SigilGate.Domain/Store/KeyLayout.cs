namespace SigilGate.Domain.Store;

/// <summary>
/// Where everything lives in etcd. Data keys hold the record's JSON and nothing else; what the
/// suite keeps for itself is under <c>&lt;prefix&gt;/.sigil/</c>, which no record path can reach
/// (record paths start with <c>nodes/</c>, <c>state/</c> or are <c>network</c>).
/// </summary>
public sealed class KeyLayout
{
    public KeyLayout(string prefix)
    {
        Prefix = "/" + prefix.Trim('/');
        Bookkeeping = Prefix + "/.sigil/";
        All = Prefix + "/";
        Applied = Bookkeeping + "applied";
        VersionsRoot = Bookkeeping + "versions/";
        ConflictsRoot = Bookkeeping + "conflicts/";
    }

    /// <summary>The prefix, with a leading and no trailing slash: <c>/sigil</c>.</summary>
    public string Prefix { get; }

    /// <summary><c>/sigil/.sigil/</c>.</summary>
    public string Bookkeeping { get; }

    /// <summary>Everything under the prefix (data and bookkeeping): <c>/sigil/</c>.</summary>
    public string All { get; }

    /// <summary>The last commit applied to etcd, written in the same transaction as its last batch.</summary>
    public string Applied { get; }

    public string VersionsRoot { get; }

    public string ConflictsRoot { get; }

    public string Data(string keySuffix) => Prefix + "/" + keySuffix;

    public string Version(string keySuffix) => VersionsRoot + keySuffix;

    /// <summary>A kept losing version: one key per record and losing content, so keeping it twice is harmless.</summary>
    public string Conflict(string keySuffix, string loserSha256) => ConflictsOf(keySuffix) + loserSha256[..16];

    /// <summary>Every kept loser of one record is under this prefix; its trailing slash keeps e-2's losers apart from e-20's.</summary>
    public string ConflictsOf(string keySuffix) => ConflictsRoot + keySuffix + "/";

    /// <summary>The key suffix of the record a kept conflict (a key under <see cref="ConflictsRoot"/>) belongs to: <see cref="Conflict"/> read back.</summary>
    public string ConflictRecordSuffix(string conflictKey)
    {
        var suffix = conflictKey[ConflictsRoot.Length..];
        var slash = suffix.LastIndexOf('/');
        return slash < 0 ? suffix : suffix[..slash];
    }

    public bool IsBookkeeping(string key) => key.StartsWith(Bookkeeping, StringComparison.Ordinal);

    /// <summary>The key suffix of a data key (<c>/sigil/nodes/entry/e-7</c> → <c>nodes/entry/e-7</c>), or null for other keys.</summary>
    public string? SuffixOfData(string key) =>
        key.StartsWith(All, StringComparison.Ordinal) && !IsBookkeeping(key) ? key[All.Length..] : null;
}
