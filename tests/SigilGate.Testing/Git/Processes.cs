using CliWrap.Buffered;
using CliWrap;

namespace SigilGate.Testing.Git;

/// <summary>Runs real processes with a controlled environment and a timeout.</summary>
public static class Processes
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public static async Task<ProcessResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        string? input = null,
        TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var command = Cli.Wrap(program)
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(environment)
            .WithValidation(CommandResultValidation.None);
        if (input is not null) command = command.WithStandardInputPipe(PipeSource.FromString(input));
        var result = await command.ExecuteBufferedAsync(cancellation.Token);
        return new ProcessResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
