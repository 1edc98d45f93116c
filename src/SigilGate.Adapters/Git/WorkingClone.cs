using CliWrap;
using CliWrap.Buffered;
using SigilGate.Core.Diagnostics;
using SigilGate.Core.Git;
using SigilGate.Core.Mirror;

namespace SigilGate.Adapters.Git;

/// <summary>
/// A Core node's clone, driven through the <c>git</c> command line: fetch, pull and push go over
/// whatever transport the remote uses (ssh keys, credential helpers) exactly as the user set it up.
/// </summary>
public sealed class WorkingClone(string path, string branch, string node) : IWorkingClone
{
    private string? _head;

    // Paths written since the last sync: only their folders are staged, not the whole work tree.
    private readonly SortedSet<string> _written = new(StringComparer.Ordinal);

    // Written after an accepted push (the clone then holds exactly the remote tip, every file
    // committed) and removed whenever a run starts over: while it names HEAD, the forced checkout
    // and clean of the next sync have nothing to repair (at 30,000 files they cost 100 ms).
    private string SettledMarker => Path.Combine(path, ".git", "sigil-push-settled");

    public async Task SyncToRemoteAsync(CancellationToken cancellationToken = default)
    {
        // A run killed in the middle of a rebase leaves it half done; the next run starts clean.
        var rebaseLeft = Directory.Exists(Path.Combine(path, ".git", "rebase-merge")) || Directory.Exists(Path.Combine(path, ".git", "rebase-apply"));
        if (rebaseLeft)
        {
            await GitAsync(["rebase", "--abort"], cancellationToken, check: false).ConfigureAwait(false);
        }

        var settled = !rebaseLeft && File.Exists(SettledMarker) ? File.ReadAllText(SettledMarker).Trim() : null;
        File.Delete(SettledMarker);
        await GitAsync(["fetch", "--quiet", "origin", branch], cancellationToken).ConfigureAwait(false);
        _head = null;
        _written.Clear();
        if (settled is not null && IsAtRemoteTip(settled)) return;

        // --force drops whatever an interrupted run left in tracked files; clean removes what it added.
        await GitAsync(["checkout", "--quiet", "--force", "-B", branch, $"origin/{branch}"], cancellationToken).ConfigureAwait(false);
        await GitAsync(["clean", "--quiet", "-fd"], cancellationToken).ConfigureAwait(false);
    }

    private bool IsAtRemoteTip(string settled)
    {
        using var repository = new LibGit2Sharp.Repository(path);
        var head = repository.Head;
        return head.CanonicalName == "refs/heads/" + branch
            && head.Tip?.Sha == settled
            && repository.Branches[$"origin/{branch}"]?.Tip?.Sha == settled;
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
        foreach (var change in changes)
        {
            var full = Path.Combine(path, change.Path);
            if (change.Content is null)
            {
                // A path git does not know would fail 'git add' ("did not match any files").
                if (!File.Exists(full)) continue;
                File.Delete(full);
                _written.Add(change.Path);
                continue;
            }

            _written.Add(change.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, change.Content);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Stages exactly the files written and commits them with plumbing: 'git add' of their folders
    /// and 'git commit' both look at every file of the work tree (30,000 in a 10,000-record area);
    /// update-index, write-tree and commit-tree touch only what changed.
    /// </summary>
    public async Task CommitAsync(string message, CancellationToken cancellationToken = default)
    {
        if (_written.Count > 0)
        {
            var paths = string.Concat(_written.Select(p => p + "\0"));
            await GitAsync(["update-index", "--add", "--remove", "-z", "--stdin"], cancellationToken, input: paths).ConfigureAwait(false);
            _written.Clear();
        }

        var parent = Head();
        var tree = (await GitAsync(["write-tree"], cancellationToken).ConfigureAwait(false)).StandardOutput.Trim();
        var commit = (await GitAsync(["commit-tree", tree, "-p", parent, "-F", "-"], cancellationToken, input: message).ConfigureAwait(false)).StandardOutput.Trim();
        await GitAsync(["update-ref", "-m", "sigil push: commit", "refs/heads/" + branch, commit, parent], cancellationToken).ConfigureAwait(false);
        _head = null;
    }

    public async Task<PushOutcome> PushAsync(string identity, CancellationToken cancellationToken = default)
    {
        var result = await GitAsync(["push", "--porcelain", "origin", $"HEAD:refs/heads/{branch}"], cancellationToken, check: false, identity: identity).ConfigureAwait(false);
        var messages = result.StandardError + result.StandardOutput;
        if (result.ExitCode == 0)
        {
            await File.WriteAllTextAsync(SettledMarker, Head() + "\n", cancellationToken).ConfigureAwait(false);
            return new PushOutcome(PushStatus.Accepted, messages);
        }

        // --porcelain marks a ref the remote refused with '!' (non-fast-forward, or declined by pre-receive).
        var refused = result.StandardOutput.Split('\n').Any(l => l.StartsWith("!\t", StringComparison.Ordinal));
        return new PushOutcome(refused ? PushStatus.Rejected : PushStatus.Failed, messages);
    }

    public async Task<bool> PullRebaseAsync(CancellationToken cancellationToken = default)
    {
        var result = await GitAsync(["pull", "--quiet", "--rebase", "origin", branch], cancellationToken, check: false).ConfigureAwait(false);
        _head = null;
        if (result.ExitCode == 0) return true;
        CrashPoint.Reach("push.rebase-stopped");
        await GitAsync(["rebase", "--abort"], cancellationToken, check: false).ConfigureAwait(false);
        return false;
    }

    private async Task<BufferedCommandResult> GitAsync(string[] arguments, CancellationToken cancellationToken, bool check = true, string? input = null, string? identity = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["GIT_AUTHOR_NAME"] = $"sigil ({node})",
            ["GIT_AUTHOR_EMAIL"] = $"{node}@sigil.invalid",
            ["GIT_COMMITTER_NAME"] = $"sigil ({node})",
            ["GIT_COMMITTER_EMAIL"] = $"{node}@sigil.invalid",
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_DIR"] = null,
            ["GIT_WORK_TREE"] = null,
            ["GIT_INDEX_FILE"] = null,
        };

        // For a push over a local or trusted transport the server takes the pusher from SIGIL_IDENTITY;
        // over ssh or HTTP the server sets its own variables and ignores this one.
        if (identity is not null) environment["SIGIL_IDENTITY"] = identity;

        // A split index: a 10,000-record area is an index of 30,000 entries (3 MB), which every
        // update-index, write-tree and checkout would otherwise write whole; split, they write the
        // entries that changed, and git folds them into the shared part now and then.
        var command = Cli.Wrap("git")
            .WithArguments(["-c", "core.splitIndex=true", .. arguments])
            .WithWorkingDirectory(path)
            .WithEnvironmentVariables(environment)
            .WithValidation(CommandResultValidation.None);
        if (input is not null) command = command.WithStandardInputPipe(PipeSource.FromString(input));
        var result = await command.ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
        if (check && result.ExitCode != 0)
        {
            throw new GitCommandException($"git {arguments[0]} failed in {path} (exit {result.ExitCode}): {result.StandardError.Trim()}");
        }

        return result;
    }
}
