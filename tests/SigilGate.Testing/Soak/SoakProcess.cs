namespace SigilGate.Testing.Soak;

/// <summary>
/// Runs <c>sigil</c> as a real process that may be killed with SIGKILL part-way, as a crash, the
/// OOM killer or a reboot would (<see cref="SigilProcess"/>). Only the process itself dies: git
/// processes it started run on, as they would when their parent crashes.
/// </summary>
internal static class SoakProcess
{
    public sealed record Outcome(int? ExitCode, bool Killed, string StandardError, double Milliseconds)
    {
        /// <summary>The last line of standard error, for the trace.</summary>
        public string Summary => StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "";
    }

    public static async Task<Outcome> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan? killAfter)
    {
        var run = await SigilProcess.RunAsync(program, arguments, workingDirectory, environment, killAfter is null ? SigilProcess.Kill.None : SigilProcess.Kill.Itself, killAfter ?? TimeSpan.Zero).ConfigureAwait(false);
        return new Outcome(run.ExitCode, run.Killed.Length > 0, run.StandardError, run.Milliseconds);
    }

    public static Task<Outcome> SigilAsync(IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan? killAfter) =>
        RunAsync(SigilBinaries.Path("sigil"), arguments, workingDirectory, environment, killAfter);
}
