using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>The marks file of <c>git fast-import --export-marks</c>: one <c>:N object-id</c> per line.</summary>
internal static class FastImportMarks
{
    public static IReadOnlyDictionary<int, string> Read(string file)
    {
        var ids = new Dictionary<int, string>();
        foreach (var line in File.ReadLines(file))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] != ':' || space < 2 || !int.TryParse(line.AsSpan(1, space - 1), System.Globalization.CultureInfo.InvariantCulture, out var mark))
            {
                throw new GitCommandException($"git fast-import wrote an unexpected marks line to {file}: {line}");
            }

            ids[mark] = line[(space + 1)..].Trim();
        }

        return ids;
    }
}
