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

    public async Task SyncToRemoteAsync(CancellationToken cancellationToken = default)
    {
        // A run killed in the middle of a rebase leaves it half done; the next run starts clean.
        if (Directory.Exists(Path.Combine(path, ".git", "rebase-merge")) || Directory.Exists(Path.Combine(path, ".git", "rebase-apply")))
        {
            await GitAsync(["rebase", "--abort"], cancellationToken, check: false).ConfigureAwait(false);
        }

        await GitAsync(["fetch", "--quiet", "origin", branch], cancellationToken).ConfigureAwait(false);
        // --force drops whatever an interrupted run left in tracked files; clean removes what it added.
        await GitAsync(["checkout", "--quiet", "--force", "-B", branch, $"origin/{branch}"], cancellationToken).ConfigureAwait(false);
        await GitAsync(["clean", "--quiet", "-fd"], cancellationToken).ConfigureAwait(false);
        _head = null;
        _written.Clear();
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

    public async Task CommitAsync(string message, CancellationToken cancellationToken = default)
    {
        if (_written.Count > 0)
        {
            // The folders written to, not every file: git matches each index entry against each
            // pathspec, so 2,000 file pathspecs over a 20,000-file index cost more than 'add -A'.
            var folders = _written.Select(p => p.LastIndexOf('/') is var slash and > 0 ? p[..slash] : p).Distinct(StringComparer.Ordinal);
            var pathspecs = string.Concat(folders.Select(p => ":(literal)" + p + "\0"));
            await GitAsync(["add", "-A", "--pathspec-from-file=-", "--pathspec-file-nul"], cancellationToken, input: pathspecs).ConfigureAwait(false);
            _written.Clear();
        }

        await GitAsync(["commit", "--quiet", "--no-verify", "-F", "-"], cancellationToken, input: message).ConfigureAwait(false);
        _head = null;
    }

    public async Task<PushOutcome> PushAsync(string identity, CancellationToken cancellationToken = default)
    {
        var result = await GitAsync(["push", "--porcelain", "origin", $"HEAD:refs/heads/{branch}"], cancellationToken, check: false, identity: identity).ConfigureAwait(false);
        var messages = result.StandardError + result.StandardOutput;
        if (result.ExitCode == 0) return new PushOutcome(PushStatus.Accepted, messages);

        // --porcelain marks a ref the remote refused with '!' (non-fast-forward, or declined by pre-receive).
        var refused = result.StandardOutput.Split('\n').Any(l => l.StartsWith("!\t", StringComparison.Ordinal));
        return new PushOutcome(refused ? PushStatus.Rejected : PushStatus.Failed, messages);
    }

    public async Task<bool> PullRebaseAsync(CancellationToken cancellationToken = default)
    {
        var result = await GitAsync(["pull", "--quiet", "--rebase", "origin", branch], cancellationToken, check: false).ConfigureAwait(false);
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

        var command = Cli.Wrap("git")
            .WithArguments(arguments)
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
