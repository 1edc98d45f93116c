namespace SigilGate.Testing.Git;

/// <summary>
/// A throwaway bare repository with the published hooks installed (as install-server.sh does:
/// the executables and their native libraries copied into hooks/) and a sigil.json.
/// </summary>
public sealed class BareRepository : IDisposable
{
    private readonly string? _binaries;
    private readonly bool _served;

    private BareRepository(string path, GitEnvironment environment, string? binaries, bool served = false)
    {
        Path = path;
        Environment = environment;
        _binaries = binaries;
        _served = served;
    }

    public string Path { get; }

    public GitEnvironment Environment { get; }

    public string HooksDirectory => System.IO.Path.Combine(Path, "hooks");

    /// <summary>Where the hooks and <c>sigil</c> come from (<see cref="SigilBinaries"/>).</summary>
    public string Binaries => _binaries ?? SigilBinaries.Directory;

    /// <param name="etcdEndpoints">One URL, or a comma-separated list of every member of a cluster (Etcd:Endpoints).</param>
    /// <param name="binaries">The executables to install; null: <see cref="SigilBinaries.Directory"/>.</param>
    /// <param name="access">TLS files and credentials for sigil.json, if etcd needs them.</param>
    public static async Task<BareRepository> CreateAsync(GitEnvironment environment, string etcdEndpoints, string prefix = SigilJson.Prefix, bool withHooks = true, string? binaries = null, EtcdAccess? access = null)
    {
        var path = TempDirectories.Create("sigil-bare-");
        var repository = new BareRepository(path, environment, binaries);
        await repository.GitAsync("init", "--bare", "--initial-branch=main", ".");
        await repository.GitAsync("config", "receive.advertisePushOptions", "true");
        if (withHooks) repository.InstallHooks();
        repository.WriteSettings(etcdEndpoints, prefix, access);
        return repository;
    }

    /// <summary>
    /// An existing bare repository set up by someone else (an install script, a Git server), with its
    /// hooks as they are. Disposing it deletes <paramref name="path"/>.
    /// </summary>
    /// <param name="binaries">Where its hooks came from; null: <see cref="SigilBinaries.Directory"/>.</param>
    public static BareRepository Adopt(string path, GitEnvironment environment, string? binaries = null) =>
        new(System.IO.Path.GetFullPath(path), environment, binaries);

    /// <summary>
    /// A repository a Git server keeps, owned by the server's account: read here with git as root
    /// (safe.directory allows it), and left to the server to remove.
    /// </summary>
    public static BareRepository Served(string path, GitEnvironment environment) => new(path, environment, null, served: true);

    public void InstallHooks()
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(Binaries))
        {
            var name = System.IO.Path.GetFileName(file);
            if (name is "pre-commit" || name.EndsWith(".pdb", StringComparison.Ordinal) || name.EndsWith(".dbg", StringComparison.Ordinal)) continue;
            File.Copy(file, System.IO.Path.Combine(HooksDirectory, name), overwrite: true);
        }
    }

    public void WriteSettings(string etcdEndpoints, string prefix, EtcdAccess? access = null, int? maxTxnOps = null) =>
        File.WriteAllText(System.IO.Path.Combine(Path, "sigil.json"), SigilJson.Text(etcdEndpoints, prefix, access, maxTxnOps: maxTxnOps));

    public Task<ProcessResult> GitAsync(params string[] arguments) =>
        Processes.RunAsync("git", _served ? ["-c", "safe.directory=*", .. arguments] : arguments, Path, Environment.Variables);

    /// <summary>The commit the branch points at, or null when it does not exist.</summary>
    public async Task<string?> TipAsync(string branch = "main")
    {
        var result = await GitAsync("rev-parse", "--verify", "--quiet", "refs/heads/" + branch);
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }

    /// <summary>Runs <c>sigil</c> from <see cref="Binaries"/> against this repository.</summary>
    public Task<ProcessResult> SigilAsync(params string[] arguments) =>
        Processes.RunAsync(System.IO.Path.Combine(Binaries, "sigil"), arguments, Path, Environment.Variables);

    public void Dispose()
    {
        if (!_served) TempDirectories.Delete(Path);
    }
}
