using SigilGate.Domain.Git;
using SigilGate.Domain.Mirror;
using SigilGate.Workflows.Ports;
using SigilGate.Workflows;

namespace SigilGate.Git;

/// <summary>
/// A Core node's clone, driven through the <c>git</c> command line: fetch, pull and push go over
/// whatever transport the remote uses (ssh keys, credential helpers) exactly as the user set it up.
/// Its parts: one git runner for every command (<see cref="GitCommandLine"/>), the files written
/// (<see cref="WrittenFiles"/>), the commit (<see cref="FastImportCommit"/>) and the marker of a
/// settled push (<see cref="SettledTip"/>).
/// </summary>
public sealed class WorkingClone(string path, string branch, string node, Action<string>? say = null) : IWorkingClone
{
    /// <summary>How long a git left running by a killed run may take to finish before this run leaves the clone alone.</summary>
    public TimeSpan WaitForLeftoverGit { get; init; } = TimeSpan.FromSeconds(30);

    private readonly GitCommandLine _git = CommandLine(path, node);
    private readonly WrittenFiles _written = new(path);
    private readonly SettledTip _settled = new(path, branch);
    private string? _head;

    public async Task SyncToRemoteAsync(CancellationToken cancellationToken = default)
    {
        // A git killed while it held a lock (index.lock during a checkout) would make every later git fail.
        foreach (var removed in await StaleGitLocks.RemoveAsync(path, WaitForLeftoverGit, cancellationToken).ConfigureAwait(false))
        {
            say?.Invoke($"removed {removed}, left by a git that was killed");
        }

        // A run killed in the middle of a rebase leaves it half done; the next run starts clean.
        var rebaseLeft = Directory.Exists(Path.Combine(path, ".git", "rebase-merge")) || Directory.Exists(Path.Combine(path, ".git", "rebase-apply"));
        if (rebaseLeft)
        {
            await _git.RunAsync(["rebase", "--abort"], cancellationToken, check: false).ConfigureAwait(false);
        }

        var settled = _settled.Take();
        if (rebaseLeft) settled = null;

        // Without submodules to look for, fetch does not read the index (30,000 entries for a
        // 10,000-record area: 3-4 ms). Its automatic maintenance stays: each commit the pusher makes
        // is a pack of its own, and 'gc --auto' is what folds them together.
        string[] fetch = ["fetch", "--quiet", "--no-recurse-submodules", "origin", branch];
        var fetched = await _git.RunAsync(fetch, cancellationToken, check: false).ConfigureAwait(false);
        if (fetched.ExitCode != 0)
        {
            if (RemoteAnswer.IsAccessDenied(fetched.StandardError)) throw new RemoteRefusedException("the fetch", fetched.StandardError);
            throw GitErrors.CommandFailed(fetch, path, fetched.ExitCode, fetched.StandardError);
        }

        _head = null;
        _written.Clear();
        if (settled is not null && _settled.IsAtRemoteTip(settled)) return;

        // --force drops whatever an interrupted run left in tracked files; clean removes what it added.
        await _git.RunAsync(["checkout", "--quiet", "--force", "-B", branch, $"origin/{branch}"], cancellationToken).ConfigureAwait(false);
        await _git.RunAsync(["clean", "--quiet", "-fd"], cancellationToken).ConfigureAwait(false);
    }

    public IRepositoryReader Open() => GitRepositories.Open(path, new Dictionary<string, string?>());

    public string Head()
    {
        if (_head is not null) return _head;
        using var reader = Open();
        _head = reader.BranchTip(branch) ?? throw new GitReadException($"{path}: branch {branch} has no commit");
        return _head;
    }

    public Task WriteAsync(IReadOnlyList<FileChange> changes, CancellationToken cancellationToken = default)
    {
        _written.Write(changes);
        return Task.CompletedTask;
    }

    public async Task CommitAsync(string message, CancellationToken cancellationToken = default)
    {
        await FastImportCommit.RunAsync(_git, path, _written, branch, node, Head(), message, cancellationToken).ConfigureAwait(false);
        _written.Clear();
        _head = null;
    }

    public async Task<PushOutcome> PushAsync(string identity, CancellationToken cancellationToken = default)
    {
        // For a push over a local or trusted transport the server takes the pusher from SIGIL_IDENTITY;
        // over ssh or HTTP the server sets its own variables and ignores this one.
        var result = await _git.With("SIGIL_IDENTITY", identity).RunAsync(["push", "--porcelain", "origin", $"HEAD:refs/heads/{branch}"], cancellationToken, check: false).ConfigureAwait(false);
        var messages = result.StandardError + result.StandardOutput;
        var status = RemoteAnswer.OfPush(result.ExitCode, result.StandardOutput, result.StandardError);
        if (status == PushStatus.Accepted) await _settled.WriteAsync(Head(), cancellationToken).ConfigureAwait(false);
        return new PushOutcome(status, messages);
    }

    /// <remarks>
    /// git merges two changes to one file line by line, and a rebase that did so would push a
    /// record no writer wrote (the node's status beside an operator's new line): a node's file must
    /// be exactly what etcd holds. So the rebase counts as stopped, too, when the new tip changed
    /// any file the node's commit changes, and is undone as a stopped one is.
    /// </remarks>
    public async Task<bool> PullRebaseAsync(CancellationToken cancellationToken = default)
    {
        var local = Head();
        var upstream = await UpstreamAsync(cancellationToken).ConfigureAwait(false);
        var ours = upstream is null ? null : ChangedSince(upstream);
        var result = await _git.RunAsync(["pull", "--quiet", "--rebase", "--no-recurse-submodules", "origin", branch], cancellationToken, check: false).ConfigureAwait(false);
        _head = null;
        if (result.ExitCode != 0)
        {
            CrashPoint.Reach("push.rebase-stopped");
            await _git.RunAsync(["rebase", "--abort"], cancellationToken, check: false).ConfigureAwait(false);
            return false;
        }

        var newUpstream = await UpstreamAsync(cancellationToken).ConfigureAwait(false);
        if (upstream is not null && ours is not null && newUpstream is not null && !ChangedBetween(upstream, newUpstream).Any(ours.Contains)) return true;

        await _git.RunAsync(["reset", "--quiet", "--hard", local], cancellationToken).ConfigureAwait(false);
        _head = null;
        return false;
    }

    /// <summary>The paths the clone's own commits change on top of <paramref name="upstream"/>.</summary>
    private HashSet<string> ChangedSince(string upstream) => ChangedBetween(upstream, Head()).ToHashSet(StringComparer.Ordinal);

    private IReadOnlyList<string> ChangedBetween(string from, string to)
    {
        using var reader = Open();
        return reader.ChangedPaths(from, to);
    }

    /// <summary>The remote branch as the clone last fetched it (what its commits sit on), or null when it has none.</summary>
    private async Task<string?> UpstreamAsync(CancellationToken cancellationToken)
    {
        var parsed = await _git.RunAsync(["rev-parse", "--verify", "--quiet", $"refs/remotes/origin/{branch}^{{commit}}"], cancellationToken, check: false).ConfigureAwait(false);
        return parsed.ExitCode == 0 ? parsed.StandardOutput.Trim() : null;
    }

    /// <summary>
    /// The clone's git: commits made as the node, no prompt for a password (cron has no terminal),
    /// and no GIT_DIR or index of a calling git. A split index: a 10,000-record area is an index of
    /// 30,000 entries (3 MB), which every update-index, write-tree and checkout would otherwise write
    /// whole; split, they write the entries that changed, and git folds them into the shared part now and then.
    /// </summary>
    private static GitCommandLine CommandLine(string path, string node) => new(
        path,
        new Dictionary<string, string?>
        {
            ["GIT_AUTHOR_NAME"] = $"sigil ({node})",
            ["GIT_AUTHOR_EMAIL"] = $"{node}@sigil.invalid",
            ["GIT_COMMITTER_NAME"] = $"sigil ({node})",
            ["GIT_COMMITTER_EMAIL"] = $"{node}@sigil.invalid",
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_DIR"] = null,
            ["GIT_WORK_TREE"] = null,
            ["GIT_INDEX_FILE"] = null,
        },
        ["-c", "core.splitIndex=true"]);
}
