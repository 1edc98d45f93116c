using SigilGate.EndToEnd.Tests.Scheduling;

namespace SigilGate.EndToEnd.Tests.Install;

/// <summary>
/// A Core node set up by <c>install/install-node.sh</c> itself, as an operator runs it: its clone,
/// binaries, log and schedule in a throwaway folder (the cron file, when root writes one, in
/// /etc/cron.d, removed afterwards).
/// </summary>
internal sealed class InstalledNode : IDisposable
{
    private InstalledNode(string node, string root) => (Node, Root) = (node, root);

    public string Node { get; }

    public string Root { get; }

    public string Workdir => Path.Combine(Root, "clone");

    public string BinDir => Path.Combine(Root, "bin");

    public string LogFile => Path.Combine(Root, "push.log");

    public string UnitDir => Path.Combine(Root, "units");

    public string CronFile => $"/etc/cron.d/sigil-push-{Node}";

    public static InstalledNode For(string node) => new(node, TempDirectories.Create("sigil-node-"));

    /// <summary>Runs install-node.sh with the published executables; <paramref name="extra"/> adds options.</summary>
    public Task<ProcessResult> InstallAsync(BareRepository bare, string etcd, params string[] extra) =>
        RunScriptAsync(bare.Environment, "install-node.sh",
            ["--node", Node, "--remote", bare.Path, "--workdir", Workdir, "--etcd", etcd, "--bin-dir", BinDir, "--log", LogFile, .. extra]);

    public static Task<ProcessResult> RunScriptAsync(GitEnvironment environment, string script, IReadOnlyList<string> arguments) =>
        Processes.RunAsync("bash", [Path.Combine(SigilBinaries.RepositoryRoot(), "install", script), .. arguments], SigilBinaries.RepositoryRoot(),
            environment.With(("SIGIL_BIN", SigilBinaries.Directory)));

    /// <summary>Runs the command line (from <see cref="CronEntry"/>) through <c>env -i</c>, as the scheduler would.</summary>
    public static Task<ProcessResult> RunScheduledAsync(IReadOnlyList<string> envArguments) =>
        Processes.RunAsync("/usr/bin/env", envArguments, "/", new Dictionary<string, string?>());

    public void Dispose()
    {
        File.Delete(CronFile);
        TempDirectories.Delete(Root);
    }
}
