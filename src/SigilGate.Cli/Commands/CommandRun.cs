using SigilGate.Cli.Configuration;
using SigilGate.Domain.Configuration;

namespace SigilGate.Cli.Commands;

/// <summary>What a command's body gets from <see cref="CommandRunner"/>: its arguments, where to print, its environment and settings.</summary>
internal sealed class CommandRun(IReadOnlyList<string> args, TextWriter output, Reporter reporter, IReadOnlyDictionary<string, string?> environment)
{
    private readonly List<Action> _onFailure = [];

    public TextWriter Output => output;

    public Reporter Reporter => reporter;

    public IReadOnlyDictionary<string, string?> Environment => environment;

    /// <summary>The bare repository a server hook runs in: git sets <c>GIT_DIR</c>, else the current directory.</summary>
    public string HookGitDir => Path.GetFullPath(environment.GetValueOrDefault("GIT_DIR") ?? ".");

    /// <summary>post-receive: the pushed commit whose apply stays pending if the run fails.</summary>
    public string? PendingCommit { get; set; }

    /// <exception cref="ArgumentException">An unknown option, an option without its value, or more than <paramref name="positional"/> other arguments.</exception>
    public Arguments Parse(IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags, int positional = 0) => Arguments.Parse(args, options, flags, positional);

    /// <summary>The settings that apply to a repository or clone (see <see cref="SettingsLoader"/>).</summary>
    public Settings Settings(string directory) => SettingsLoader.Load(directory, environment);

    /// <summary>Something to do after the failure's lines are printed, whatever the failure.</summary>
    public void OnFailure(Action action) => _onFailure.Add(action);

    internal void Failed() => _onFailure.ForEach(action => action());
}
