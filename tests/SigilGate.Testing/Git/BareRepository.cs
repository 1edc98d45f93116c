namespace SigilGate.Testing.Git;

/// <summary>
/// A throwaway bare repository with the published hooks installed (as install-server.sh does:
/// the executables and their native libraries copied into hooks/) and a sigil.json.
/// </summary>
public sealed class BareRepository : IDisposable
{
    private BareRepository(string path, GitEnvironment environment)
    {
        Path = path;
        Environment = environment;
    }

    public string Path { get; }

    public GitEnvironment Environment { get; }

    public string HooksDirectory => System.IO.Path.Combine(Path, "hooks");

    /// <param name="etcdEndpoints">One URL, or a comma-separated list of every member of a cluster (Etcd:Endpoints).</param>
    /// <param name="access">TLS files and credentials for sigil.json, if etcd needs them.</param>
    public static async Task<BareRepository> CreateAsync(GitEnvironment environment, string etcdEndpoints, string prefix = "/sigil", bool withHooks = true, EtcdAccess? access = null)
    {
        var path = TempDirectories.Create("sigil-bare-");
        var repository = new BareRepository(path, environment);
        await repository.GitAsync("init", "--bare", "--initial-branch=main", ".");
        await repository.GitAsync("config", "receive.advertisePushOptions", "true");
        if (withHooks) repository.InstallHooks();
        repository.WriteSettings(etcdEndpoints, prefix, access);
        return repository;
    }

    public void InstallHooks()
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(SigilBinaries.Directory))
        {
            var name = System.IO.Path.GetFileName(file);
            if (name is "pre-commit" || name.EndsWith(".pdb", StringComparison.Ordinal) || name.EndsWith(".dbg", StringComparison.Ordinal)) continue;
            File.Copy(file, System.IO.Path.Combine(HooksDirectory, name), overwrite: true);
        }
    }

    public void WriteSettings(string etcdEndpoints, string prefix, EtcdAccess? access = null) =>
        File.WriteAllText(System.IO.Path.Combine(Path, "sigil.json"), SigilJson.Text(etcdEndpoints, prefix, access));

    public Task<ProcessResult> GitAsync(params string[] arguments) =>
        Processes.RunAsync("git", arguments, Path, Environment.Variables);

    /// <summary>The commit the branch points at, or null when it does not exist.</summary>
    public async Task<string?> TipAsync(string branch = "main")
    {
        var result = await GitAsync("rev-parse", "--verify", "--quiet", "refs/heads/" + branch);
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }

    /// <summary>Runs <c>sigil</c> from the published binaries against this repository.</summary>
    public Task<ProcessResult> SigilAsync(params string[] arguments) =>
        Processes.RunAsync(SigilBinaries.Path("sigil"), arguments, Path, Environment.Variables);

    public void Dispose() => TempDirectories.Delete(Path);
}
