using SigilGate.Testing.Git;

namespace SigilGate.Testing.Servers;

/// <summary>
/// install/install-server.sh, run as an operator runs it on the Git server (as root, handing the
/// repository to the account git runs as), with the executables of <see cref="SigilBinaries"/>.
/// </summary>
public static class InstallServerScript
{
    public static Task<ProcessResult> RunAsync(string repository, string etcdEndpoints, string owner, string branch = "main") =>
        UnixUser.CheckedAsync("bash",
            [System.IO.Path.Combine(SigilBinaries.RepositoryRoot(), "install", "install-server.sh"), "--repo", repository, "--etcd", etcdEndpoints, "--branch", branch, "--owner", owner + ":" + owner],
            "/",
            new Dictionary<string, string?> { ["SIGIL_BIN"] = SigilBinaries.Directory });
}
