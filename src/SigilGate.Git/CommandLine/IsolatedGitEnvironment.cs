namespace SigilGate.Git;

/// <summary>
/// The variables a calling git (a hook's receive-pack, its quarantine) sets that must not point a
/// git the suite starts at another repository, object store, index or namespace: each is removed.
/// </summary>
internal static class IsolatedGitEnvironment
{
    public static readonly IReadOnlyDictionary<string, string?> Variables = new Dictionary<string, string?>
    {
        ["GIT_DIR"] = null,
        ["GIT_WORK_TREE"] = null,
        ["GIT_INDEX_FILE"] = null,
        ["GIT_OBJECT_DIRECTORY"] = null,
        ["GIT_ALTERNATE_OBJECT_DIRECTORIES"] = null,
        ["GIT_QUARANTINE_PATH"] = null,
        ["GIT_NAMESPACE"] = null,
    };

    /// <summary>These removals, and <paramref name="extra"/> set.</summary>
    public static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?> extra)
    {
        var all = new Dictionary<string, string?>(Variables, StringComparer.Ordinal);
        foreach (var (name, value) in extra) all[name] = value;
        return all;
    }
}
