using System.Globalization;
using SigilGate.Testing.Git;

namespace SigilGate.Bench;

/// <summary>
/// Peak resident memory of the executables, as wait4's <c>ru_maxrss</c> reports it through GNU
/// <c>/usr/bin/time -f %M</c> (bench/run.sh installs the Debian package <c>time</c> when missing).
/// The kernel folds in the children a process waited for, so each figure is the largest process
/// of that executable's tree (sigil push: sigil and the git it starts, whose receive-pack starts
/// the hooks; the hooks' own figures are kept apart). Runs under <c>time</c> are extra runs,
/// not the timed ones: the wrapper's fork and shell would be in the timings.
/// </summary>
internal sealed class PeakMemory : IDisposable
{
    public const string Time = "/usr/bin/time";

    private static readonly string[] Hooks = ["pre-receive", "post-receive"];

    private readonly string directory = TempDirectories.Create("sigil-bench-peak-");

    /// <summary>Where each run appends one line: "NAME KiB", or time's note of a non-zero exit before it.</summary>
    public string File => Path.Combine(directory, "peaks");

    /// <summary>The program and arguments that run <paramref name="program"/> under time, recorded as <paramref name="name"/>.</summary>
    public (string Program, IEnumerable<string> Arguments) Wrap(string name, string program, IEnumerable<string> arguments) =>
        (Time, ["-a", "-o", File, "-f", name + " %M", program, .. arguments]);

    /// <summary>Replaces the hooks of <paramref name="bare"/> (at <paramref name="size"/> records, doing <paramref name="what"/>) by scripts that run the real ones (kept beside as NAME.measured) under time.</summary>
    public void WrapHooks(BareRepository bare, int size, string what)
    {
        if (what.Contains('\'', StringComparison.Ordinal)) throw new ArgumentException("goes into a single-quoted shell word", nameof(what));
        foreach (var hook in Hooks)
        {
            var path = Path.Combine(bare.HooksDirectory, hook);
            var real = path + ".measured";
            if (!System.IO.File.Exists(real)) System.IO.File.Move(path, real);
            System.IO.File.WriteAllText(path, $"#!/bin/sh\nexec {Time} -a -o '{File}' -f '{size}: {hook} ({what}) %M' \"$0.measured\" \"$@\"\n");
            if (!OperatingSystem.IsWindows()) System.IO.File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    /// <summary>Puts the real hooks back.</summary>
    public static void UnwrapHooks(BareRepository bare)
    {
        foreach (var hook in Hooks)
        {
            var path = Path.Combine(bare.HooksDirectory, hook);
            if (System.IO.File.Exists(path + ".measured")) System.IO.File.Move(path + ".measured", path, overwrite: true);
        }
    }

    /// <summary>The largest figure recorded under each name, in KiB, with how many runs it is the largest of.</summary>
    public IReadOnlyDictionary<string, (long Kib, int Runs)> Read()
    {
        var result = new Dictionary<string, (long Kib, int Runs)>(StringComparer.Ordinal);
        if (!System.IO.File.Exists(File)) return result;
        foreach (var line in System.IO.File.ReadLines(File))
        {
            var space = line.LastIndexOf(' ');
            if (space <= 0 || !long.TryParse(line[(space + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var kib)) continue;
            var name = line[..space];
            var (before, runs) = result.GetValueOrDefault(name);
            result[name] = (Math.Max(before, kib), runs + 1);
        }

        return result;
    }

    public static string Mib(long kib) => string.Create(CultureInfo.InvariantCulture, $"{kib / 1024.0:0.0} MiB");

    public void Dispose() => TempDirectories.Delete(directory);
}
