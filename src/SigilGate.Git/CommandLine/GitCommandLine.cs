using System.ComponentModel;
using CliWrap.Buffered;
using CliWrap;

namespace SigilGate.Git;

/// <summary>
/// Every git the suite starts goes through here: in one folder, with the environment the caller
/// chose (the hook's <c>GIT_DIR</c> and friends left out), the account's unreadable configuration
/// left out as for libgit2 (<see cref="UserGitConfiguration"/>), and a failure turned into a
/// <see cref="SigilGate.Workflows.Ports.GitCommandException"/> by <see cref="GitErrors"/>.
/// </summary>
/// <param name="directory">The folder git runs in.</param>
/// <param name="environment">Variables set (or, when null, removed) for every command.</param>
/// <param name="options">git's own options, before every command (<c>-c name=value</c>, <c>--git-dir=...</c>).</param>
/// <param name="program">git itself, or a wrapper that runs git with an environment of its own (gitolite's <c>gitolite push</c>).</param>
internal sealed class GitCommandLine(string directory, IReadOnlyDictionary<string, string?> environment, IReadOnlyList<string> options, string program = "git")
{
    private readonly Dictionary<string, string?> _environment = WithUserConfiguration(environment);

    /// <summary>The same git with one more variable (the pusher's identity for a push).</summary>
    public GitCommandLine With(string name, string value) =>
        new(directory, new Dictionary<string, string?>(_environment) { [name] = value }, options, program);

    /// <summary>The command, not started, for a caller that streams its input and output (cat-file --batch).</summary>
    public Command Command(IReadOnlyList<string> arguments) =>
        Cli.Wrap(program)
            .WithArguments([.. options, .. arguments])
            .WithWorkingDirectory(directory)
            .WithEnvironmentVariables(_environment)
            .WithValidation(CommandResultValidation.None);

    /// <summary>
    /// Runs git to its end with its output kept. With <paramref name="check"/>, an exit other than 0
    /// is a <see cref="SigilGate.Workflows.Ports.GitCommandException"/>; without, the caller reads the result.
    /// </summary>
    public async Task<BufferedCommandResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool check = true, PipeSource? input = null)
    {
        var command = Command(arguments);
        if (input is not null) command = command.WithStandardInputPipe(input);
        BufferedCommandResult result;
        try
        {
            result = await command.ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException)
        {
            throw GitErrors.CouldNotStart(arguments, directory, exception);
        }

        if (check && result.ExitCode != 0) throw GitErrors.CommandFailed(arguments, directory, result.ExitCode, result.StandardError);
        return result;
    }

    private static Dictionary<string, string?> WithUserConfiguration(IReadOnlyDictionary<string, string?> environment)
    {
        var all = new Dictionary<string, string?>(environment, StringComparer.Ordinal);
        foreach (var (name, value) in UserGitConfiguration.ForChildGit()) all[name] = value;
        return all;
    }
}
