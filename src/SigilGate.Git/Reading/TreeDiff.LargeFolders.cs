namespace SigilGate.Git;

/// <summary>Two large folders compared in their raw form, as git read them.</summary>
internal sealed partial class TreeDiff
{
    /// <summary>Two large folders of one path, old and new, whose raw trees are compared once git has read them.</summary>
    private readonly record struct LargePair(string OldId, string NewId, string Prefix);

    // Both trees are in git's order, so one pass side by side finds what differs; runs of entries
    // that are the same bytes on both sides are stepped over whole.
    private void CompareRaw(RawTree olds, RawTree news, string prefix, SortedSet<string> changed, HashSet<string> added, List<LargePair> large)
    {
        int i = 0, j = 0;
        while (i < olds.Count || j < news.Count)
        {
            if (i < olds.Count && j < news.Count && RawTree.SameRun(olds, i, news, j) is > 0 and var same)
            {
                i += same;
                j += same;
                continue;
            }

            var order = i == olds.Count ? 1 : j == news.Count ? -1 : RawTree.Order(olds, i, news, j);
            if (order < 0)
            {
                Gone(olds.Name(i), olds.IsFolder(i), olds.Id(i), prefix, changed);
                i++;
            }
            else if (order > 0)
            {
                Came(news.Name(j), news.IsFolder(j), news.Id(j), prefix, changed, added);
                j++;
            }
            else
            {
                if (!RawTree.SameContent(olds, i, news, j))
                {
                    if (olds.IsFolder(i)) CompareFolders(olds.Id(i), news.Id(j), prefix + olds.Name(i) + "/", changed, added, large);
                    else changed.Add(prefix + olds.Name(i));
                }

                i++;
                j++;
            }
        }
    }
}
