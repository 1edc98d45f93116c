namespace SigilGate.Testing.Servers;

/// <summary>
/// gitolite (Debian's gitolite3) behind a private sshd, as deployed: a throwaway hosting account,
/// <c>gitolite setup -pk admin.pub</c>, and users and repositories declared by pushing to
/// gitolite-admin over SSH with the admin key. gitolite sets GL_USER for the hooks from the key
/// that logged in. Everything lives in one temp folder; the account is removed on dispose.
/// </summary>
public sealed class GitoliteServer : IAsyncDisposable
{
    private readonly Dictionary<string, SshKey> keys = new(StringComparer.Ordinal);
    private HostingAccount? account;
    private SshServer? ssh;
    private Clone? admin;

    private GitoliteServer(string root, GitEnvironment environment)
    {
        Root = root;
        Environment = environment;
    }

    public string Root { get; }

    /// <summary>The clients' git environment (temp HOME, no machine configuration).</summary>
    public GitEnvironment Environment { get; }

    public HostingAccount Account => account!;

    public int Port => ssh!.Port;

    private string KeyFolder => Path.Combine(Root, "keys");

    /// <summary>Starts gitolite with an admin key and one key per user in <paramref name="users"/> (not yet declared: see <see cref="ConfigureAsync"/>).</summary>
    public static async Task<GitoliteServer> StartAsync(IEnumerable<string> users)
    {
        var root = TempDirectories.Create("sigil-gitolite-");
        // The hosting account reaches its home and reads the public keys through this folder.
        UnixUser.OpenToAll(root);
        var server = new GitoliteServer(root, new GitEnvironment());
        try
        {
            await server.LaunchAsync(users.ToList());
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task LaunchAsync(IReadOnlyList<string> users)
    {
        Directory.CreateDirectory(KeyFolder);
        UnixUser.OpenToAll(KeyFolder);
        foreach (var user in users.Prepend("admin")) keys[user] = await SshKey.CreateAsync(KeyFolder, user);
        account = await HostingAccount.CreateAsync(Path.Combine(Root, "home"));
        await Account.CheckedAsync("gitolite", "setup", "-pk", keys["admin"].PublicFile);
        ssh = await SshServer.StartAsync(Path.Combine(Root, "sshd"), Account.Name);
        admin = await CloneAsync("gitolite-admin", "admin");
    }

    /// <summary>The clone URL of <paramref name="repository"/> (the port is in the client's ssh command).</summary>
    public string Url(string repository) => $"{Account.Name}@127.0.0.1:{repository}";

    /// <summary>Where gitolite keeps <paramref name="repository"/> on the server.</summary>
    public string RepositoryPath(string repository) => Path.Combine(Account.Home, "repositories", repository + ".git");

    public SshKey Key(string user) => keys[user];

    /// <summary>A key gitolite does not know.</summary>
    public Task<SshKey> UnknownKeyAsync(string name) => SshKey.CreateAsync(KeyFolder, name);

    /// <summary>A clone of <paramref name="repository"/> over SSH with <paramref name="user"/>'s key in its core.sshCommand.</summary>
    public Task<Clone> CloneAsync(string repository, string user) => Clone.OfUrlAsync(Url(repository), Environment, Key(user).SshCommand(Port));

    /// <summary>
    /// Declares every user's key and the rules in <paramref name="rules"/> (gitolite.conf syntax; the
    /// gitolite-admin rule is added) with an admin push, as an administrator does. gitolite creates
    /// the repositories named there, with HEAD at master.
    /// </summary>
    public async Task ConfigureAsync(string rules)
    {
        foreach (var key in keys.Values) admin!.Write($"keydir/{key.Name}.pub", await File.ReadAllTextAsync(key.PublicFile));
        admin!.Write("conf/gitolite.conf", "repo gitolite-admin\n    RW+ = admin\n\n" + rules);
        await admin.CommitAllAsync("declare users and repositories");
        var push = await admin.GitAsync("push", "--quiet", "origin", "HEAD");
        if (push.ExitCode != 0) throw new InvalidOperationException("the admin push to gitolite-admin failed: " + push);
    }

    /// <summary>Runs <c>gitolite setup</c> again, as an administrator does after an upgrade or a hand edit.</summary>
    public Task<ProcessResult> SetupAsync() => Account.CheckedAsync("gitolite", "setup");

    /// <summary>
    /// Installs the hooks into <paramref name="repository"/> with install-server.sh and points its
    /// HEAD at main (gitolite made it master), as an operator does.
    /// </summary>
    /// <param name="installer">Which install-server.sh; null: the sources' (<see cref="InstallServerScript.FromSources"/>).</param>
    public async Task InstallHooksAsync(string repository, string etcdEndpoints, InstallServerScript? installer = null)
    {
        await (installer ?? InstallServerScript.FromSources).RunAsync(RepositoryPath(repository), etcdEndpoints, Account.Name);
        await Account.CheckedAsync("git", "--git-dir=" + RepositoryPath(repository), "symbolic-ref", "HEAD", "refs/heads/main");
    }

    public async ValueTask DisposeAsync()
    {
        admin?.Dispose();
        if (ssh is not null) await ssh.DisposeAsync();
        if (account is not null) await account.DisposeAsync();
        Environment.Dispose();
        TempDirectories.Delete(Root);
    }
}
