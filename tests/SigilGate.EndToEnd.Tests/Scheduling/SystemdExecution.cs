namespace SigilGate.EndToEnd.Tests.Scheduling;

/// <summary>
/// A service's ExecStart run as systemd executes it: no shell, working directory /, an environment
/// of systemd's PATH, the unit's Environment= and, with User=, the account's USER, LOGNAME, HOME and
/// SHELL, under User= and Group= with the account's supplementary groups. Nothing inherited.
/// </summary>
internal static class SystemdExecution
{
    public const string SystemPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public static async Task<ProcessResult> RunAsync(SystemdUnit service, string instance, TimeSpan? timeout = null)
    {
        var command = service.ExecStart(instance);
        List<string> environment = ["PATH=" + SystemPath, .. service.Environment(instance)];
        var user = service.Value("Service", "User");
        List<string> asAccount = [];
        if (user is not null)
        {
            var account = (await Processes.RunAsync("getent", ["passwd", user], "/", new Dictionary<string, string?>())).StandardOutput.Trim().Split(':');
            account.Length.ShouldBe(7, $"getent passwd {user}");
            environment.AddRange(["USER=" + user, "LOGNAME=" + user, "HOME=" + account[5], "SHELL=" + account[6]]);
            asAccount = ["/usr/bin/setpriv", "--reuid=" + user, "--regid=" + (service.Value("Service", "Group") ?? user), "--init-groups", "--"];
        }

        return await Processes.RunAsync("/usr/bin/env", ["-i", .. environment, .. asAccount, .. command], "/", new Dictionary<string, string?>(), timeout: timeout ?? TimeSpan.FromMinutes(2));
    }
}
