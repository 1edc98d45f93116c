namespace SigilGate.Git;

/// <summary>
/// Where a ref name leads in a repository: a symbolic ref (<c>refs/heads/master</c> holding
/// <c>ref: refs/heads/main</c>, left behind by a default-branch rename) makes a push to one name
/// move another, since git writes through symbolic refs. Symbolic refs are always loose files
/// (packed-refs holds only direct refs), so the files are read as git reads them.
/// </summary>
public static class SymbolicRefs
{
    // git follows at most 5 levels (SYMREF_MAXDEPTH); a deeper chain cannot be pushed through anyway.
    private const int MaxDepth = 10;

    private const string Marker = "ref: ";

    /// <summary>The ref <paramref name="refName"/> finally names: itself when it is not a symbolic ref (or is missing).</summary>
    public static string Resolve(string gitDir, string refName)
    {
        var name = refName;
        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            string text;
            try
            {
                var file = Path.Combine(gitDir, name);
                if (!File.Exists(file)) return name;
                text = File.ReadAllText(file);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return name;
            }

            if (!text.StartsWith(Marker, StringComparison.Ordinal)) return name;
            var target = text[Marker.Length..].Trim();
            if (!target.StartsWith("refs/", StringComparison.Ordinal) || !seen.Add(target)) return name;
            name = target;
        }

        return name;
    }

    /// <summary>The updates, each knowing the ref its name resolves to in <paramref name="gitDir"/>.</summary>
    public static IReadOnlyList<SigilGate.Domain.Git.RefUpdate> Resolved(string gitDir, IReadOnlyList<SigilGate.Domain.Git.RefUpdate> updates) =>
        updates.Select(u => u with { ResolvedName = Resolve(gitDir, u.RefName) }).ToList();
}
