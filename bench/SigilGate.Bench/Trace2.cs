using System.Text.Json;

namespace SigilGate.Bench;

/// <summary>
/// Child process times from git's trace2 event stream (<c>GIT_TRACE2_EVENT</c>), which
/// <c>git push</c> passes on to the local <c>git-receive-pack</c>: each hook's wall time as
/// receive-pack measured it (child_start/child_exit pairs; see Documentation/technical/api-trace2.txt).
/// </summary>
internal sealed record Trace2(double? ReceivePackMs, double? PreReceiveMs, double? PostReceiveMs)
{
    public static Trace2 Read(string path)
    {
        if (!File.Exists(path)) return new Trace2(null, null, null);

        // A child is named by the session (sid) that started it and its child_id in that session.
        var names = new Dictionary<(string Sid, int Id), string>();
        var times = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var kind = root.GetProperty("event").GetString();
            if (kind is not ("child_start" or "child_exit")) continue;
            var key = (root.GetProperty("sid").GetString() ?? "", root.GetProperty("child_id").GetInt32());
            if (kind == "child_start")
            {
                var name = root.TryGetProperty("hook_name", out var hook) ? hook.GetString()
                    : root.GetProperty("child_class").GetString() == "transport/file" ? "receive-pack" : null;
                if (name is not null) names[key] = name;
            }
            else if (names.TryGetValue(key, out var name))
            {
                times[name] = root.GetProperty("t_rel").GetDouble() * 1000;
            }
        }

        return new Trace2(Time("receive-pack"), Time("pre-receive"), Time("post-receive"));

        double? Time(string name) => times.TryGetValue(name, out var ms) ? ms : null;
    }
}
