using System.Reflection;
using SigilGate.Domain.Build;
using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Commands;

/// <summary>
/// <c>--version</c> of every executable and <c>sigil version</c>: one line on standard output,
/// <c>sigil 0.1.0+04264fd</c>. Read from this assembly's informational version (see
/// Directory.Build.props), so it needs no settings, repository or etcd.
/// </summary>
public static class VersionText
{
    public const string Option = "--version";

    /// <summary>The build every executable of the suite was published from (they are published together).</summary>
    public static BuildInfo Build { get; } = BuildInfo.Parse(typeof(VersionText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    public static bool Requested(IReadOnlyList<string> args) => args.Contains(Option);

    /// <summary>The line for the executable that runs <paramref name="command"/>.</summary>
    public static string Line(CommandName command) => Build.Line(Executable(command));

    /// <summary>The executable's file name: the hooks are their own executables, every other command is a verb of sigil.</summary>
    public static string Executable(CommandName command) => command switch
    {
        CommandName.PreReceive => "pre-receive",
        CommandName.PostReceive => "post-receive",
        CommandName.PreCommit => "pre-commit",
        _ => "sigil",
    };

    public static bool IsHook(CommandName command) => Executable(command) != "sigil";
}
