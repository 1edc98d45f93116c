namespace SigilGate.Domain.Conflicts;

/// <summary>A line diff of two texts, as <c>diff -u</c> marks lines: <c>' '</c> both, <c>'-'</c> only the first, <c>'+'</c> only the second.</summary>
public static class LineDiff
{
    /// <summary>Every line of both texts in order, each with its mark (a longest common subsequence; records are small).</summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<string> from, IReadOnlyList<string> to)
    {
        // common[i, j]: the length of the longest common subsequence of from[i..] and to[j..].
        var common = new int[from.Count + 1, to.Count + 1];
        for (var i = from.Count - 1; i >= 0; i--)
        {
            for (var j = to.Count - 1; j >= 0; j--)
            {
                common[i, j] = from[i] == to[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<string>();
        var (a, b) = (0, 0);
        while (a < from.Count || b < to.Count)
        {
            if (a < from.Count && b < to.Count && from[a] == to[b])
            {
                lines.Add(" " + from[a++]);
                b++;
            }
            else if (b == to.Count || (a < from.Count && common[a + 1, b] >= common[a, b + 1]))
            {
                lines.Add("-" + from[a++]);
            }
            else
            {
                lines.Add("+" + to[b++]);
            }
        }

        return lines;
    }
}
