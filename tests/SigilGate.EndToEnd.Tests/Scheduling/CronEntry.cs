namespace SigilGate.EndToEnd.Tests.Scheduling;

/// <summary>
/// A job read from a file in <c>/etc/cron.d</c> (or a crontab), and run the way cron runs it:
/// <c>/bin/sh -c COMMAND</c> in cron's own environment (HOME, LOGNAME, SHELL=/bin/sh,
/// PATH=/usr/bin:/bin), overridden by the file's NAME=value lines, nothing inherited.
/// </summary>
internal sealed record CronEntry(string Schedule, string? User, string Command, IReadOnlyDictionary<string, string> Variables)
{
    /// <param name="withUserField">Files in /etc/cron.d name the account after the five time fields; a crontab does not.</param>
    public static CronEntry Parse(string text, bool withUserField)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var jobs = new List<CronEntry>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (equals > 0 && (space < 0 || equals < space))
            {
                variables[line[..equals]] = line[(equals + 1)..];
                continue;
            }

            var fields = line.Split(' ', withUserField ? 7 : 6, StringSplitOptions.RemoveEmptyEntries);
            var schedule = string.Join(' ', fields[..5]);
            jobs.Add(withUserField
                ? new CronEntry(schedule, fields[5], fields[6], variables)
                : new CronEntry(schedule, null, fields[5], variables));
        }

        jobs.Count.ShouldBe(1, "one job per node:\n" + text);
        return jobs[0] with { Variables = new Dictionary<string, string>(variables) };
    }

    /// <summary>cron's environment for the job's account, then the file's variables.</summary>
    public IReadOnlyList<string> Environment(string account, string home)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = home,
            ["LOGNAME"] = account,
            ["SHELL"] = "/bin/sh",
            ["PATH"] = "/usr/bin:/bin",
        };
        foreach (var (name, value) in Variables) environment[name] = value;
        return environment.Select(v => $"{v.Key}={v.Value}").ToList();
    }

    /// <summary>The argument list of <c>env -i VARS... SHELL -c COMMAND</c>: cron's exec of the job, nothing inherited.</summary>
    public IReadOnlyList<string> CommandLine(string account, string home) =>
        ["-i", .. Environment(account, home), Variables.GetValueOrDefault("SHELL", "/bin/sh"), "-c", Command];
}
