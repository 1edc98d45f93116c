using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// Lock files a git command leaves when it is killed (<c>index.lock</c>, <c>HEAD.lock</c>, a ref's
/// <c>.lock</c>): while one exists every later git that needs it fails with "File exists", so a clone
/// whose pusher was killed during a checkout would never be mirrored again. The pusher holds the
/// clone's own lock when it calls this, so no other pusher's git can be working in the clone; a git
/// still alive from a killed run (it outlives its parent) is waited for, never raced.
/// </summary>
public static class StaleGitLocks
{
    private static readonly string[] TopLevel = ["index.lock", "HEAD.lock", "ORIG_HEAD.lock", "config.lock", "packed-refs.lock", "shallow.lock"];

    /// <summary>Removes the stale lock files of the clone at <paramref name="workdir"/>; returns their paths relative to it.</summary>
    public static async Task<IReadOnlyList<string>> RemoveAsync(string workdir, TimeSpan waitForLiveGit, CancellationToken cancellationToken = default)
    {
        var gitDir = Path.Combine(workdir, ".git");
        var locks = Find(gitDir);
        if (locks.Count == 0) return [];

        var deadline = DateTime.UtcNow + waitForLiveGit;
        while (WorkingProcesses(workdir, locks) is { Count: > 0 } alive)
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new GitCommandException($"{string.Join(", ", locks.Select(l => Path.GetRelativePath(workdir, l)))} in {workdir} is held by a running process ({string.Join(", ", alive.Select(p => "pid " + p))}) left by an earlier run; the next run tries again");
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        var removed = new List<string>();
        foreach (var file in locks.Where(File.Exists))
        {
            File.Delete(file);
            removed.Add(Path.GetRelativePath(workdir, file));
        }

        return removed;
    }

    private static List<string> Find(string gitDir)
    {
        var found = TopLevel.Select(name => Path.Combine(gitDir, name)).Where(File.Exists).ToList();
        var refs = Path.Combine(gitDir, "refs");
        if (Directory.Exists(refs)) found.AddRange(Directory.EnumerateFiles(refs, "*.lock", SearchOption.AllDirectories));
        return found;
    }

    /// <summary>
    /// Other processes that have one of the lock files open or work in the clone: a git that writes a
    /// lock keeps it open (the index) or works from the clone's folder (every git the pusher starts).
    /// </summary>
    private static List<int> WorkingProcesses(string workdir, IReadOnlyList<string> locks)
    {
        var self = Environment.ProcessId;
        var working = new List<int>();
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out var pid) || pid == self) continue;
            if ((IsGit(process) && IsInside(LinkTarget(Path.Combine(process, "cwd")), workdir)) || HoldsAny(process, locks)) working.Add(pid);
        }

        return working;
    }

    // An operator's shell standing in the clone is no reason to wait; a git (or git-remote-*) is.
    private static bool IsGit(string process)
    {
        try
        {
            return File.ReadAllText(Path.Combine(process, "comm")).StartsWith("git", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool HoldsAny(string process, IReadOnlyList<string> locks)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd"))
                .Any(fd => LinkTarget(fd) is { } target && locks.Contains(target, StringComparer.Ordinal));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Another account's process, or one that just ended: it cannot be this clone's git.
            return false;
        }
    }

    private static string? LinkTarget(string link)
    {
        try
        {
            return new FileInfo(link).LinkTarget;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsInside(string? path, string folder) =>
        path is not null && (path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal));
}
