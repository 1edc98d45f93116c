using System.Text.Json;

namespace SigilGate.Bench;

/// <summary>
/// The git processes a program started, from git's trace2 event stream (<c>GIT_TRACE2_EVENT</c>,
/// inherited by every git the program runs): each top-level git session (a sid without '/',
/// that is, not started by another git) with its command name and its wall time (t_abs at exit).
/// </summary>
internal static class GitProcesses
{
    public static IReadOnlyList<(string Command, double Milliseconds)> Read(string path)
    {
        if (!File.Exists(path)) return [];
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<(string, double)>();
        foreach (var line in File.ReadLines(path))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var sid = root.GetProperty("sid").GetString() ?? "";
            if (sid.Contains('/', StringComparison.Ordinal)) continue;
            switch (root.GetProperty("event").GetString())
            {
                case "cmd_name":
                    names[sid] = root.GetProperty("name").GetString() ?? "?";
                    break;
                case "exit":
                    result.Add(("git " + names.GetValueOrDefault(sid, "?"), root.GetProperty("t_abs").GetDouble() * 1000));
                    break;
            }
        }

        return result;
    }
}
