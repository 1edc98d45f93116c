using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SigilGate.Testing;

/// <summary>
/// Runs <c>sigil</c> as a real process that may be killed part-way with SIGKILL: the process
/// itself, or one of its child processes (the git it runs), found through
/// /proc (see <see cref="Children"/>). Waits until every process holding its output has exited.
/// </summary>
public static class SigilProcess
{
    // Far above a healthy run (seconds); runs of a minute were seen on a loaded two-core machine.
    // The wait includes git processes a killed sigil left behind: they hold its standard error.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(240);

    public enum Kill { None, Itself, Child }

    public sealed record Outcome(int? ExitCode, string Killed, string StandardError, double Milliseconds)
    {
        public string Summary => StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "";
    }

    public static async Task<Outcome> RunAsync(string program, IReadOnlyList<string> arguments, string directory, IReadOnlyDictionary<string, string?> environment, Kill kill, TimeSpan delay)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }

        var watch = Stopwatch.StartNew();
        var error = new StringBuilder();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (error) error.Append(e.Data).Append('\n'); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var exited = process.WaitForExitAsync();
        var killed = kill == Kill.None ? "" : await KillAsync(process, exited, kill, delay).ConfigureAwait(false);

        if (await Task.WhenAny(exited, Task.Delay(Limit)).ConfigureAwait(false) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sigil {string.Join(' ', arguments)} still running after {Limit.TotalSeconds:0} s");
        }

        string text;
        lock (error) text = error.ToString();
        return new Outcome(killed.Length > 0 && killed.StartsWith("sigil", StringComparison.Ordinal) ? null : process.ExitCode, killed, text, watch.Elapsed.TotalMilliseconds);
    }

    // Returns what was killed ("" when the run ended first).
    private static async Task<string> KillAsync(Process process, Task exited, Kill kill, TimeSpan delay)
    {
        if (await Task.WhenAny(exited, Task.Delay(delay)).ConfigureAwait(false) == exited) return "";
        if (kill == Kill.Itself) return TryKill(process.Id) ? "sigil" : "";

        // Wait a little for a child to appear (sigil runs git now and then, not all the time).
        for (var poll = 0; poll < 150 && !exited.IsCompleted; poll++)
        {
            foreach (var child in Children(process.Id))
            {
                var name = Name(child);
                if (TryKill(child)) return $"child {name} ({child.ToString(CultureInfo.InvariantCulture)})";
            }

            await Task.Delay(10).ConfigureAwait(false);
        }

        return "";
    }

    // /proc/<pid>/task/*/children needs CONFIG_PROC_CHILDREN, which not every kernel has: without
    // it, the children are the processes whose /proc/<n>/stat names pid as their parent.
    private static List<int> Children(int pid)
    {
        var tasks = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/task";
        try
        {
            var listed = Directory.EnumerateDirectories(tasks).Select(t => Path.Combine(t, "children")).Where(File.Exists).ToList();
            if (listed.Count > 0)
            {
                return listed.SelectMany(f => File.ReadAllText(f).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
            }

            return Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit))
                .Select(n => int.Parse(n!, CultureInfo.InvariantCulture)).Where(n => ParentOf(n) == pid).ToList();
        }
        catch (IOException)
        {
            return []; // the process ended while we read
        }
    }

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return -1;
        }
    }

    private static string Name(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/comm").Trim();
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static bool TryKill(int pid)
    {
        try
        {
            using var target = Process.GetProcessById(pid);
            target.Kill(entireProcessTree: false);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false; // it exited just now
        }
    }
}
