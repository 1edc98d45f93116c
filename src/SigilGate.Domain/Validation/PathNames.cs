using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Validation;

/// <summary>
/// Names a tree may hold but a checkout cannot: <c>.</c>, <c>..</c> and <c>.git</c> (git refuses to
/// check them out, so one such push breaks every clone, the Core nodes' included), and names that
/// differ only in case or in characters macOS ignores (one file on the file systems of macOS and Windows, where
/// the other silently disappears), names macOS or Windows cannot check out (see
/// <see cref="PortableName"/>), and links where they break clones or records (see
/// <see cref="LinkPlacement"/>). Every path of the tree is checked, not only record paths.
/// </summary>
internal static class PathNames
{
    public static void Check(TreeSnapshot tree, List<Diagnostic> diagnostics)
    {
        // Every path the tree names for these rules (a view of some files names those near its new
        // names, see NameCheckScope): a new name can collide with any old one beside it.
        // Each name of a folder is keyed by its folder and lower-case spelling; the first spelling
        // seen is kept, and only keys met in two spellings collect them all. Folders are kept with a
        // trailing '/' (ignored when comparing), so the message can say which is which.
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        var clashes = new Dictionary<string, (string Folder, SortedSet<string> Names)>(StringComparer.Ordinal);
        var foldersSeen = new HashSet<string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var path in tree.Paths)
        {
            // A folder named on its own is there for its siblings; its files carry any refused component.
            if (!path.EndsWith('/') && RefusedComponent(path) is { } refused)
            {
                diagnostics.Add(Diagnostic.InFile(path, $"path component '{refused}' is not allowed (git refuses to check it out)"));
            }
            else if (!path.EndsWith('/') && UnportableComponent(path) is { } unportable && !IsMisplacedRecord(path))
            {
                diagnostics.Add(Diagnostic.InFile(path, unportable));
            }

            // The mode is looked up only for the few names where it matters.
            if (!path.EndsWith('/') && LinkPlacement.MayMatter(path) && tree.Entry(path) is { } entry && LinkPlacement.Problem(entry) is { } link)
            {
                diagnostics.Add(Diagnostic.InFile(path, link));
            }

            // A folder may be named on its own, with a trailing '/'.
            var start = 0;
            while (start < path.Length)
            {
                var slash = path.IndexOf('/', start);
                var end = slash < 0 ? path.Length : slash + 1;

                // A folder is named once however many files it holds.
                if (slash >= 0 && !foldersSeen.Add(path.AsSpan(0, end)))
                {
                    start = end;
                    continue;
                }

                var folder = path[..start];
                var name = path[start..end];
                var bare = slash < 0 ? name : name[..^1];
                var key = folder + "\0" + PortableName.ClashKey(bare);
                if (!first.TryAdd(key, name) && first[key] != name)
                {
                    if (!clashes.TryGetValue(key, out var clash)) clashes[key] = clash = (folder, new SortedSet<string>(StringComparer.Ordinal) { first[key] });
                    clash.Names.Add(name);
                }

                start = end;
            }
        }

        foreach (var (key, (folder, names)) in clashes)
        {
            // The all-lower-case spelling (the one the layout uses) is the original; otherwise the first.
            var lower = key[(key.IndexOf('\0') + 1)..];
            var original = names.FirstOrDefault(n => n.TrimEnd('/') == lower) ?? names.First();
            foreach (var other in names.Where(n => n != original))
            {
                var difference = PortableName.Difference(original.TrimEnd('/'), other.TrimEnd('/'));
                var where = difference.Contains("invisible", StringComparison.Ordinal) ? "on macOS" : "on case-insensitive file systems";
                diagnostics.Add(Diagnostic.InFile(folder + other, $"{difference} {folder + original} (the two are {What(original, other)} {where})"));
            }
        }
    }

    // git's verify_path: "." and "..", and ".git" in any case, also as NTFS reads it (trailing dots
    // and spaces dropped, or its 8.3 short name GIT~1), since core.protectNTFS is on by default.
    private static bool IsRefusedByGit(ReadOnlySpan<char> name) =>
        name is "." or ".." ||
        name.TrimEnd(". ").Equals(".git", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("git~1", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first component of <paramref name="path"/> git refuses to check out, or null.</summary>
    internal static string? RefusedComponent(string path)
    {
        foreach (var range in path.AsSpan().Split('/'))
        {
            if (IsRefusedByGit(path.AsSpan()[range])) return path[range];
        }

        return null;
    }

    // A file in a records folder that is not named as a record is refused already, with the name it should have.
    private static bool IsMisplacedRecord(string path) => RecordPath.Parse(path).Kind == RecordKind.Misplaced;

    private static string? UnportableComponent(string path)
    {
        foreach (var range in path.AsSpan().Split('/'))
        {
            if (PortableName.Problem(path[range]) is { } problem) return problem;
        }

        return null;
    }

    private static string What(string original, string other) => (original.EndsWith('/'), other.EndsWith('/')) switch
    {
        (true, true) => "one folder",
        (false, false) => "one file",
        _ => "one path",
    };
}
