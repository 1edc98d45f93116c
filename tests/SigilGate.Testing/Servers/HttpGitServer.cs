using System.Globalization;
using System.Net.Http.Headers;
using System.Net;
using System.Text;

namespace SigilGate.Testing.Servers;

/// <summary>
/// Git's smart HTTP as deployed: nginx on a free loopback port with basic authentication (an
/// htpasswd file of <c>openssl passwd -apr1</c> entries), passing requests to git http-backend
/// through fcgiwrap on a unix socket. Both run as an unprivileged account (www-data) and are
/// stopped by pid; everything they write is in one temp folder. git http-backend hands the
/// authenticated user to the hooks as REMOTE_USER.
/// </summary>
public sealed class HttpGitServer : IAsyncDisposable
{
    /// <summary>The account nginx's workers, fcgiwrap, git and the hooks run as.</summary>
    public const string Account = "www-data";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly List<ServerProcess> processes = [];

    private HttpGitServer(string root) => Root = root;

    public string Root { get; }

    public int Port { get; private set; }

    /// <summary>GIT_PROJECT_ROOT: the folder of the served repositories.</summary>
    public string ProjectRoot => Path.Combine(Root, "repositories");

    /// <param name="users">Each user's password.</param>
    /// <param name="fcgiwrapHome">
    /// HOME for fcgiwrap and so for git and the hooks; null: the account's home from passwd, as
    /// systemd's unit gives it. A root shell that starts fcgiwrap leaves HOME=/root, which the
    /// account cannot read.
    /// </param>
    public static async Task<HttpGitServer> StartAsync(IReadOnlyDictionary<string, string> users, string? fcgiwrapHome = null)
    {
        var server = new HttpGitServer(TempDirectories.Create("sigil-http-"));
        try
        {
            await server.LaunchAsync(users, fcgiwrapHome ?? await UnixUser.HomeOfAsync(Account));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task LaunchAsync(IReadOnlyDictionary<string, string> users, string home)
    {
        // The account reaches the repositories, the socket and the password file through the root folder.
        UnixUser.OpenToAll(Root);
        Directory.CreateDirectory(ProjectRoot);
        var socketFolder = Path.Combine(Root, "fcgiwrap");
        Directory.CreateDirectory(socketFolder);
        await UnixUser.CheckedAsync("chown", [Account + ":" + Account, ProjectRoot, socketFolder], Root);
        var socket = Path.Combine(socketFolder, "socket");
        var htpasswd = Path.Combine(Root, "htpasswd");
        await File.WriteAllTextAsync(htpasswd, await HtpasswdAsync(users));

        var fcgiwrap = ServerProcess.Start("fcgiwrap", "setpriv", UnixUser.Command(Account, home, "fcgiwrap", ["-s", "unix:" + socket]));
        processes.Add(fcgiwrap);
        await fcgiwrap.WaitUntilAsync(() => Task.FromResult(File.Exists(socket)), StartTimeout);

        // nginx makes its temp folders (owned by the account) but not their parent.
        Directory.CreateDirectory(Path.Combine(Root, "nginx-temp"));
        var config = Path.Combine(Root, "nginx.conf");
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePorts.Take();
            await File.WriteAllTextAsync(config, NginxConfig.Text(Root, Port, Account, socket, htpasswd, ProjectRoot));
            // -e: nginx opens its compiled-in error log before reading the configuration.
            var nginx = ServerProcess.Start("nginx", "nginx", ["-p", Root, "-c", config, "-e", "stderr"]);
            try
            {
                await nginx.WaitUntilAsync(() => ServerProcess.ListensAsync(Port), StartTimeout);
                processes.Add(nginx);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Most likely the port was taken between choosing and binding it: try another.
                await nginx.DisposeAsync();
            }
        }
    }

    /// <summary>The URL of <paramref name="repository"/> with the credentials in it.</summary>
    public string Url(string repository, string user, string password) =>
        $"http://{Uri.EscapeDataString(user)}:{Uri.EscapeDataString(password)}@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{repository}.git";

    public string RepositoryPath(string repository) => Path.Combine(ProjectRoot, repository + ".git");

    /// <summary>Creates <paramref name="repository"/> with install-server.sh, owned by the account, with pushes over HTTP allowed.</summary>
    public async Task CreateRepositoryAsync(string repository, string etcdEndpoints)
    {
        await InstallServerScript.FromSources.RunAsync(RepositoryPath(repository), etcdEndpoints, Account);
        var result = await UnixUser.RunAsync(Account, Root, "git", ["--git-dir=" + RepositoryPath(repository), "config", "http.receivepack", "true"], Root);
        if (result.ExitCode != 0) throw new InvalidOperationException("git config http.receivepack failed: " + result);
    }

    /// <summary>The HTTP status of the first request of a push (the ref advertisement of git-receive-pack).</summary>
    public async Task<HttpStatusCode> ReceivePackStatusAsync(string repository, string user, string password)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{repository}.git/info/refs?service=git-receive-pack"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>What the servers printed (warnings and errors), for failure messages.</summary>
    public string Output => string.Join('\n', processes.Select(p => $"--- {p.Name}\n{p.Output}"));

    private static async Task<string> HtpasswdAsync(IReadOnlyDictionary<string, string> users)
    {
        var text = new StringBuilder();
        foreach (var (user, password) in users)
        {
            var hash = await UnixUser.CheckedAsync("openssl", ["passwd", "-apr1", password], "/");
            text.Append(user).Append(':').Append(hash.StandardOutput.Trim()).Append('\n');
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(processes)) await process.DisposeAsync();
        TempDirectories.Delete(Root);
    }
}
