namespace SigilGate.Testing.Servers;

/// <summary>
/// A private sshd on a free loopback port (<c>sshd -D -e -f CONFIG -p PORT</c>), with its own host
/// key and configuration in <paramref name="directory"/>, admitting key logins to one account only.
/// Client environment is accepted as Debian's default configuration does (LANG, LC_*): nothing a
/// client sets, such as SIGIL_IDENTITY, reaches the server's hooks.
/// </summary>
public sealed class SshServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly ServerProcess process;

    private SshServer(ServerProcess process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string Output => process.Output;

    public static async Task<SshServer> StartAsync(string directory, string account)
    {
        Directory.CreateDirectory(directory);
        var hostKey = await SshKey.CreateAsync(directory, "host-key");
        var config = Path.Combine(directory, "sshd_config");
        await File.WriteAllTextAsync(config, $"""
            ListenAddress 127.0.0.1
            HostKey {hostKey.PrivateFile}
            PidFile none
            AuthorizedKeysFile .ssh/authorized_keys
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            AllowUsers {account}
            AcceptEnv LANG LC_*
            PrintMotd no
            LogLevel VERBOSE

            """);
        SshPrivilegeSeparation.Acquire();
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePorts.Take();
            var process = ServerProcess.Start("sshd", "/usr/sbin/sshd", ["-D", "-e", "-f", config, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            try
            {
                await process.WaitUntilAsync(() => ServerProcess.ListensAsync(port), StartTimeout);
                return new SshServer(process, port);
            }
            catch (Exception exception) when ((exception is InvalidOperationException or TimeoutException) && attempt < 3)
            {
                // Most likely the port was taken between choosing and binding it: try another.
                await process.DisposeAsync();
            }
            catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
            {
                await process.DisposeAsync();
                SshPrivilegeSeparation.Release();
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        SshPrivilegeSeparation.Release();
    }
}
