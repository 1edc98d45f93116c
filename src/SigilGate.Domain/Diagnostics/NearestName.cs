namespace SigilGate.Domain.Diagnostics;

/// <summary>
/// The known name a mistyped one most likely meant (<c>--rpo</c>: <c>--repo</c>), for the
/// "did you mean" of an unknown option, setting or variable. Case is ignored.
/// </summary>
public static class NearestName
{
    /// <summary>The closest known name within a few edits, else the one known name the typed one begins; null when none is close.</summary>
    public static string? Find(string typed, IEnumerable<string> known)
    {
        var names = known.ToList();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in names)
        {
            var distance = Distance(typed, name);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        if (best is not null && bestDistance <= Allowed(typed)) return best;

        // "--metrics" for "--metrics-file": a beginning that says enough of one name.
        var begun = typed.TrimStart('-').Length >= 3 ? names.Where(n => n.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList() : [];
        return begun.Count == 1 ? begun[0] : null;
    }

    /// <summary>Edits (insert, delete, replace, swap of neighbours) from one name to the other, ignoring case.</summary>
    public static int Distance(string first, string second)
    {
        var a = first.ToUpperInvariant();
        var b = second.ToUpperInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    // One edit in a short name already makes most short names alike ("--x" is not "--json").
    private static int Allowed(string typed) => typed.TrimStart('-').Length <= 4 ? 1 : 2;
}
