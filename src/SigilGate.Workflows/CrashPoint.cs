using System.Diagnostics;

namespace SigilGate.Workflows;

/// <summary>
/// Named steps where a test build can kill its own process with SIGKILL, to prove that a run
/// cut off at any step is repaired by the next one. Calls exist only in executables built with
/// <c>-p:SigilCrashPoints=true</c> (which defines <c>SIGIL_CRASH_POINTS</c>): everywhere else the
/// compiler removes them, and the body is empty too, so release binaries cannot be made to crash.
/// </summary>
public static class CrashPoint
{
    /// <summary>The environment variable naming the step to die at: <c>name</c>, or <c>name#n</c> for its n-th time.</summary>
    public const string Variable = "SIGIL_CRASH_AT";

#if SIGIL_CRASH_POINTS
    private static readonly (string Name, int Occurrence)? Target = Parse(Environment.GetEnvironmentVariable(Variable));
    private static int _reached;
#endif

    [Conditional("SIGIL_CRASH_POINTS")]
    public static void Reach(string name)
    {
#if SIGIL_CRASH_POINTS
        if (Target is not { } target || target.Name != name) return;
        if (Interlocked.Increment(ref _reached) != target.Occurrence) return;

        Console.Error.WriteLine($"sigil: crash point {name} reached: killing process {Environment.ProcessId} with SIGKILL");

        // Process.Kill on Unix is kill(pid, SIGKILL): no finally block, no Dispose, no flush of
        // anything but what was written above runs, as when the machine loses power or the OOM killer strikes.
        using var self = Process.GetCurrentProcess();
        self.Kill();
        Thread.Sleep(Timeout.Infinite);
#endif
    }

#if SIGIL_CRASH_POINTS
    private static (string, int)? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var hash = value.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0) return (value, 1);
        return int.TryParse(value.AsSpan(hash + 1), System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? (value[..hash], n) : null;
    }
#endif
}
