namespace SigilGate.Testing.Model;

/// <summary>
/// Pushes an operator's edit to main as a person does: when the gate or Git rejects it, pull
/// with rebase (a conflict on the operator's own records is resolved by keeping the edit, having
/// now seen the other side) and push again once; if that fails too, the change is dropped. An
/// accepted push records each edited record's value as written, over what its writer had seen.
/// </summary>
public sealed class OperatorPush(ModelLedger ledger, ModelLog log)
{
    private const int Attempts = 2;

    public async Task<bool> PushAsync(OperatorGit git, string identity, IReadOnlyCollection<string> paths, HashSet<RecordValue> seen, string what)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var push = await git.PushAsync(identity).ConfigureAwait(false);
            if (push.ExitCode == 0)
            {
                await RecordAsync(git, paths, seen, $"{identity} step {log.Step} ({what})").ConfigureAwait(false);
                return true;
            }

            log.Line($"  rejected ({identity}): {Reason(push)}");
            if (attempt == Attempts || !await PullRebaseAsync(git, paths, seen).ConfigureAwait(false)) break;
        }

        log.Line("  dropped the change");
        await git.SyncAsync().ConfigureAwait(false);
        return false;
    }

    /// <summary>git pull --rebase; conflicts are resolved keeping the operator's commits. False when that is not possible or nothing is left.</summary>
    public static async Task<bool> PullRebaseAsync(OperatorGit git, IEnumerable<string> paths, HashSet<RecordValue> seen)
    {
        await git.MustAsync("fetch", "--quiet", "origin", "main").ConfigureAwait(false);
        foreach (var path in paths) seen.Add(await git.ValueAtAsync("origin/main", path).ConfigureAwait(false));
        var pull = await git.RunAsync("rebase", "--quiet", "origin/main").ConfigureAwait(false);
        for (var round = 0; pull.ExitCode != 0 && round < 10; round++)
        {
            if (!Directory.Exists(Path.Combine(git.Clone.Path, ".git", "rebase-merge")) && !Directory.Exists(Path.Combine(git.Clone.Path, ".git", "rebase-apply"))) break;

            // In a rebase "theirs" is the commit being replayed: the operator's own.
            if (!await git.ResolveAsync("theirs").ConfigureAwait(false))
            {
                await git.RunAsync("rebase", "--abort").ConfigureAwait(false);
                return false;
            }

            if (await git.ContinueAsync("rebase").ConfigureAwait(false)) return await AheadAsync(git).ConfigureAwait(false);
            pull = await git.RunAsync("rebase", "--skip").ConfigureAwait(false);
            if (pull.ExitCode == 0) return await AheadAsync(git).ConfigureAwait(false);
        }

        if (pull.ExitCode != 0)
        {
            await git.RunAsync("rebase", "--abort").ConfigureAwait(false);
            return false;
        }

        return await AheadAsync(git).ConfigureAwait(false);
    }

    private static async Task<bool> AheadAsync(OperatorGit git) =>
        await git.MustAsync("rev-parse", "HEAD").ConfigureAwait(false) != await git.MustAsync("rev-parse", "origin/main").ConfigureAwait(false);

    /// <summary>Records each edited record as the accepted push holds it.</summary>
    public async Task RecordAsync(OperatorGit git, IEnumerable<string> paths, IEnumerable<RecordValue> seen, string who)
    {
        var seenList = seen.ToList();
        var written = new List<string>();
        foreach (var path in paths)
        {
            var value = await git.ValueAtAsync("HEAD", path).ConfigureAwait(false);
            var before = seenList.Where(s => s.Path == path).ToList();
            if (before.Count > 0 && before.All(b => b == value)) continue; // unchanged: nothing written
            ledger.Write(value, before, who);
            written.Add($"{path}={Short(value.Json)}");
        }

        log.Line($"  accepted: {string.Join(", ", written)}");
    }

    public static string Short(string? json) => json is null ? "(deleted)" : json.Length > 70 ? json[..70] + "…" : json;

    public static string Reason(ProcessResult push)
    {
        var lines = push.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var error = lines.FirstOrDefault(l => l.Contains("sigil: error", StringComparison.Ordinal)) ?? lines.FirstOrDefault(l => l.StartsWith('!')) ?? lines.LastOrDefault() ?? "";
        return error.Length > 160 ? error[..160] + "…" : error;
    }
}
