using SigilGate.Domain.Diagnostics;

namespace SigilGate.Domain.Validation;

/// <summary>
/// Caps the problems shown per file. A 1 MiB file of aliases is 250,000 problems; printed one a
/// line, they bury the rest of the answer and make git relay megabytes to the pusher. The first
/// ones show what is wrong; one more line says how many were left out.
/// </summary>
internal static class ProblemLimit
{
    public const int PerFile = 20;

    /// <summary>Keeps the first <see cref="PerFile"/> problems of each file, in order, and counts the rest.</summary>
    public static List<Diagnostic> Apply(IReadOnlyList<Diagnostic> sorted)
    {
        var shown = new List<Diagnostic>(Math.Min(sorted.Count, 1024));
        foreach (var file in sorted.GroupBy(d => d.Path, StringComparer.Ordinal))
        {
            var count = 0;
            foreach (var diagnostic in file)
            {
                if (count++ < PerFile) shown.Add(diagnostic);
            }

            if (count > PerFile)
            {
                var left = count - PerFile;
                shown.Add(Diagnostic.InFile(file.Key, $"{left} more problem{(left == 1 ? "" : "s")} in this file (only the first {PerFile} are shown)"));
            }
        }

        return shown;
    }
}
