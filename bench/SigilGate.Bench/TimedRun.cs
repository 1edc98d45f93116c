namespace SigilGate.Bench;

/// <summary>What a timed process did: exit code, outputs and wall time from start to exit.</summary>
internal sealed record TimedRun(int ExitCode, string StandardOutput, string StandardError, double Milliseconds)
{
    public override string ToString() => $"exit {ExitCode} after {Samples.Ms(Milliseconds)}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}
