using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Validation;

/// <summary>
/// Which paths of a pushed tree the path-name rules must see to judge a push on top of an accepted
/// tip. Only a new name can bring a new problem (a component git refuses, or a name that differs
/// only in case from a sibling), and a name clashes only with its siblings: so the added paths, and
/// what each folder on their way holds. A push that only changes existing files names nothing.
/// </summary>
public static class NameCheckScope
{
    /// <param name="added">Paths of files in the pushed tree that the tip does not hold.</param>
    /// <param name="pushed">The pushed tree.</param>
    /// <returns>Paths for the path-name rules; a folder ends in '/'.</returns>
    public static IReadOnlySet<string> For(IEnumerable<string> added, ITreeLookup pushed)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in added)
        {
            named.Add(path);
            var folder = "";
            while (true)
            {
                if (listed.Add(folder))
                {
                    var listing = pushed.List(folder);
                    named.UnionWith(listing.Files.Select(f => f.Path));
                    named.UnionWith(listing.Folders.Select(f => f + "/"));
                }

                var slash = path.IndexOf('/', folder.Length == 0 ? 0 : folder.Length + 1);
                if (slash < 0) break;
                folder = path[..slash];
            }
        }

        return named;
    }
}
