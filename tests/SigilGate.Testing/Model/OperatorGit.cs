using System.Globalization;

namespace SigilGate.Testing.Model;

/// <summary>An operator's clone and the git commands a person runs in it.</summary>
public sealed class OperatorGit(Clone clone)
{
    public Clone Clone => clone;

    public Task<ProcessResult> RunAsync(params string[] arguments) => clone.GitAsync(arguments);

    public async Task<string> MustAsync(params string[] arguments)
    {
        var result = await clone.GitAsync(arguments).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {result}");
    }

    /// <summary>fetch, then reset the current branch to the remote tip (what "start from main" means here).</summary>
    public async Task SyncAsync()
    {
        await RunAsync("rebase", "--abort").ConfigureAwait(false);
        await RunAsync("merge", "--abort").ConfigureAwait(false);
        await RunAsync("cherry-pick", "--abort").ConfigureAwait(false);
        await RunAsync("revert", "--abort").ConfigureAwait(false);
        await MustAsync("fetch", "--quiet", "origin", "main").ConfigureAwait(false);
        await MustAsync("checkout", "--quiet", "-B", "main", "origin/main").ConfigureAwait(false);
        await MustAsync("reset", "--quiet", "--hard", "origin/main").ConfigureAwait(false);
        await MustAsync("clean", "-fdq").ConfigureAwait(false);
    }

    public string? Read(string path)
    {
        var full = Path.Combine(clone.Path, path);
        return File.Exists(full) ? File.ReadAllText(full) : null;
    }

    /// <summary>A record's value at a revision (null Json: absent there).</summary>
    public async Task<RecordValue> ValueAtAsync(string revision, string path)
    {
        var shown = await RunAsync("show", $"{revision}:{path}").ConfigureAwait(false);
        return new RecordValue(path, shown.ExitCode == 0 ? ModelRecords.Json(shown.StandardOutput) : null);
    }

    /// <summary>The record paths of the tree at <paramref name="revision"/>.</summary>
    public async Task<List<string>> RecordsAtAsync(string revision = "HEAD") =>
        (await MustAsync("ls-tree", "-r", "--name-only", revision).ConfigureAwait(false)).Split('\n').Where(ModelRecords.IsRecord).ToList();

    /// <summary>Commits everything, with both dates fixed when <paramref name="date"/> is given.</summary>
    public async Task CommitAsync(string message, DateTimeOffset? date = null, bool amend = false)
    {
        await MustAsync("add", "-A").ConfigureAwait(false);
        var stamp = date?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        var environment = clone.Environment.With(("GIT_COMMITTER_DATE", stamp), ("GIT_AUTHOR_DATE", stamp));
        string[] arguments = amend ? ["commit", "--quiet", "--amend", "-m", message] : ["commit", "--quiet", "-m", message];
        var result = await Processes.RunAsync("git", arguments, clone.Path, environment).ConfigureAwait(false);
        if (result.ExitCode != 0) throw new InvalidOperationException("git commit failed: " + result);
    }

    /// <summary>
    /// Resolves every conflicted file by taking one side as a person would ("ours" or "theirs");
    /// false when a file cannot be resolved that way (one side deleted it).
    /// </summary>
    public async Task<bool> ResolveAsync(string side)
    {
        var conflicted = await MustAsync("diff", "--name-only", "--diff-filter=U").ConfigureAwait(false);
        foreach (var path in conflicted.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if ((await RunAsync("checkout", "--" + side, "--", path).ConfigureAwait(false)).ExitCode != 0) return false;
            await MustAsync("add", "--", path).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Continues a stopped rebase, cherry-pick or revert without an editor.</summary>
    public async Task<bool> ContinueAsync(string command)
    {
        var environment = clone.Environment.With(("GIT_EDITOR", "true"));
        var result = await Processes.RunAsync("git", [command, "--continue"], clone.Path, environment).ConfigureAwait(false);
        return result.ExitCode == 0;
    }

    public Task<ProcessResult> PushAsync(string identity) => clone.PushAsync(identity);
}
