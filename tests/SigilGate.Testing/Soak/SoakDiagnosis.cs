using System.Text.RegularExpressions;

namespace SigilGate.Testing.Soak;

/// <summary>
/// After a failed run: the branch's history of each record a problem names (commit messages,
/// which list each record's outcome, and the apply receipts in refs/notes/sigil), to start the
/// search for the defect from.
/// </summary>
internal static partial class SoakDiagnosis
{
    public static async Task WriteAsync(SoakWorld world, IEnumerable<string> problems, SoakTrace trace)
    {
        var paths = problems.SelectMany(p => RecordPaths().Matches(p).Select(m => m.Value)).Distinct(StringComparer.Ordinal).Take(6);
        foreach (var path in paths)
        {
            var log = await world.Bare.GitAsync("log", "--notes=sigil", "--format=%h %cI %an%n%B%N", "-n", "15", "main", "--", path, ".sigil/versions/" + path).ConfigureAwait(false);
            trace.Line("history", $"{path}:\n{log.StandardOutput}");
        }
    }

    [GeneratedRegex(@"(state/[a-z0-9-]+/entries|nodes/entry)/[a-z0-9-]+\.yaml")]
    private static partial Regex RecordPaths();
}
