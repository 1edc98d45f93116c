namespace SigilGate.Testing.Servers;

/// <summary>
/// A throwaway Unix account that hosts a Git server (gitolite's "git" user), its home in a temp
/// folder; removed again with userdel. A system account: no subordinate id ranges are handed out.
/// Its password field is '*' (no password, not locked): sshd refuses key logins to a locked
/// account ('!') when it does not use PAM.
/// </summary>
public sealed class HostingAccount : IAsyncDisposable
{
    private HostingAccount(string name, string home) => (Name, Home) = (name, home);

    public string Name { get; }

    public string Home { get; }

    public static async Task<HostingAccount> CreateAsync(string home)
    {
        var name = "sgtest-" + Guid.NewGuid().ToString("N")[..10];
        await UnixUser.CheckedAsync("useradd",
            ["--system", "--user-group", "--create-home", "--home-dir", home, "--shell", "/bin/sh", "--password", "*", "--comment", "Sigil Gate test server", name], "/");
        return new HostingAccount(name, home);
    }

    /// <summary>Runs a command as this account, in its home, with a clean environment.</summary>
    public Task<ProcessResult> RunAsync(string program, params string[] arguments) =>
        UnixUser.RunAsync(Name, Home, program, arguments, Home);

    public async Task<ProcessResult> CheckedAsync(string program, params string[] arguments)
    {
        var result = await RunAsync(program, arguments);
        return result.ExitCode == 0 ? result : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} as {Name} failed: {result}");
    }

    public async ValueTask DisposeAsync()
    {
        // userdel refuses while a process of the account runs (an sshd session closing): retry a little.
        for (var attempt = 1; ; attempt++)
        {
            var result = await Processes.RunAsync("userdel", [Name], "/", new Dictionary<string, string?>());
            if (result.ExitCode is 0 or 6) return; // 6: no such user
            if (attempt == 20) throw new InvalidOperationException($"userdel {Name} failed: {result}");
            await Task.Delay(250);
        }
    }
}
