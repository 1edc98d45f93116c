namespace SigilGate.Testing.Servers;

/// <summary>
/// install/install-server.sh, run as an operator runs it on the Git server (as root, handing the
/// repository to the account git runs as): from the sources with the executables of
/// <see cref="SigilBinaries"/>, or the copy an installed package carries, with its own executables.
/// </summary>
public sealed record InstallServerScript(string Script, IReadOnlyDictionary<string, string?> Environment)
{
    public static InstallServerScript FromSources => new(
        System.IO.Path.Combine(SigilBinaries.RepositoryRoot(), "install", "install-server.sh"),
        new Dictionary<string, string?> { ["SIGIL_BIN"] = SigilBinaries.Directory });

    /// <summary>The script of a package installed in <paramref name="scripts"/>: no SIGIL_BIN, so it takes the package's executables.</summary>
    public static InstallServerScript Packaged(string scripts) => new(
        System.IO.Path.Combine(scripts, "install-server.sh"),
        new Dictionary<string, string?> { ["SIGIL_BIN"] = null });

    public Task<ProcessResult> RunAsync(string repository, string etcdEndpoints, string owner, string branch = "main") =>
        UnixUser.CheckedAsync("bash", [Script, "--repo", repository, "--etcd", etcdEndpoints, "--branch", branch, "--owner", owner + ":" + owner], "/", Environment);
}
