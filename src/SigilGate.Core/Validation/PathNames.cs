using SigilGate.Core.Diagnostics;
using SigilGate.Core.Trees;

namespace SigilGate.Core.Validation;

/// <summary>
/// Names a tree may hold but a checkout cannot: <c>.</c>, <c>..</c> and <c>.git</c> (git refuses to
/// check them out, so one such push breaks every clone, the Core nodes' included), and names that
/// differ only in case (one file on the case-insensitive file systems of macOS and Windows, where
/// the other silently disappears). Every path of the tree is checked, not only record paths.
/// </summary>
internal static class PathNames
{
    public static void Check(TreeSnapshot tree, List<Diagnostic> diagnostics)
    {
        var children = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        // Every path, also where the tree is a view of some files: a new name can collide with any old one.
        foreach (var path in tree.Paths)
        {
            var parts = path.Split('/');
            if (parts.FirstOrDefault(IsRefusedByGit) is { } refused)
            {
                diagnostics.Add(Diagnostic.InFile(path, $"path component '{refused}' is not allowed (git refuses to check it out)"));
            }

            // Folders are kept with a trailing '/' (ignored when comparing), so the message can say which is which.
            var folder = "";
            for (var i = 0; i < parts.Length; i++)
            {
                var name = i < parts.Length - 1 ? parts[i] + "/" : parts[i];
                if (!children.TryGetValue(folder, out var names)) children[folder] = names = new HashSet<string>(StringComparer.Ordinal);
                names.Add(name);
                folder += name;
            }
        }

        foreach (var (folder, names) in children)
        {
            foreach (var group in names.GroupBy(n => n.TrimEnd('/').ToLowerInvariant(), StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                // The all-lower-case spelling (the one the layout uses) is the original; otherwise the first.
                var original = group.FirstOrDefault(n => n.TrimEnd('/') == group.Key) ?? group.Order(StringComparer.Ordinal).First();
                foreach (var other in group.Where(n => n != original))
                {
                    diagnostics.Add(Diagnostic.InFile(folder + other, $"differs only in case from {folder + original} (the two are {What(original, other)} on case-insensitive file systems)"));
                }
            }
        }
    }

    // git's verify_path: "." and "..", and ".git" in any case, also as NTFS reads it (trailing dots
    // and spaces dropped, or its 8.3 short name GIT~1), since core.protectNTFS is on by default.
    private static bool IsRefusedByGit(string name) =>
        name is "." or ".." ||
        name.TrimEnd('.', ' ').Equals(".git", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("git~1", StringComparison.OrdinalIgnoreCase);

    private static string What(string original, string other) => (original.EndsWith('/'), other.EndsWith('/')) switch
    {
        (true, true) => "one folder",
        (false, false) => "one file",
        _ => "one path",
    };
}
