using System.Text;
using LibGit2Sharp;
using SigilGate.Domain.Mirror;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// The <see cref="IDecisionCommitter"/> port on the server's bare repository: the commit's objects
/// are written with libgit2 (only the folders on the changed paths are rewritten, whatever the size
/// of the tree), and the commit is pushed into the same repository with git, so that git runs the
/// repository's own pre-receive and post-receive as for any push. Nothing moves a ref but that push.
/// </summary>
/// <param name="identityVariable">The variable the hooks read the pusher from (<c>Sigil:IdentityVariable</c>).</param>
internal sealed class HookedBranchCommitter(Repository repository, string branch, string identityVariable) : IDecisionCommitter
{
    public string WriteCommit(string parentSha, IReadOnlyList<FileChange> changes, string message, string identity, DateTimeOffset time)
    {
        try
        {
            var parent = repository.Lookup<Commit>(parentSha) ?? throw new GitWriteException($"commit {parentSha} not found in {repository.Info.Path}");
            var tree = TreeDefinition.From(parent);
            foreach (var change in changes)
            {
                if (change.Content is null)
                {
                    tree.Remove(change.Path);
                    continue;
                }

                using var content = new MemoryStream(Encoding.UTF8.GetBytes(change.Content));
                tree.Add(change.Path, repository.ObjectDatabase.CreateBlob(content), Mode.NonExecutableFile);
            }

            var signature = new Signature(identity, $"{identity}@sigil.invalid", time);
            var written = repository.ObjectDatabase.CreateTree(tree);
            return repository.ObjectDatabase.CreateCommit(signature, signature, message, written, [parent], prettifyMessage: false).Sha;
        }
        catch (LibGit2SharpException exception)
        {
            throw GitErrors.Writing(exception, $"the decision's commit in {repository.Info.Path}");
        }
    }

    public async Task<PushOutcome> OfferAsync(string commitSha, string identity, CancellationToken cancellationToken = default)
    {
        // gitolite's update hook needs the environment its own 'gitolite' command sets: a push on
        // the server goes through 'gitolite push', which also lets it past gitolite's access rules.
        var gitolite = IsGitoliteRepository();
        var git = new GitCommandLine(
            repository.Info.Path,
            IsolatedGitEnvironment.With(new Dictionary<string, string?>
            {
                [identityVariable] = identity,

                // gitolite's own access rules have no user to check on the server; Sigil's policy
                // still holds the identity above.
                ["GL_BYPASS_ACCESS_CHECKS"] = "1",
                ["GIT_TERMINAL_PROMPT"] = "0",
            }),
            [],
            gitolite ? "gitolite" : "git");
        var result = await git.RunAsync(["push", "--porcelain", ".", $"{commitSha}:refs/heads/{branch}"], cancellationToken, check: false).ConfigureAwait(false);
        return new PushOutcome(RemoteAnswer.OfPush(result.ExitCode, result.StandardOutput, result.StandardError), result.StandardError + result.StandardOutput);
    }

    private bool IsGitoliteRepository()
    {
        var update = Path.Combine(repository.Info.Path, "hooks", "update");
        try
        {
            return File.Exists(update) && File.ReadAllText(update).Contains("Gitolite::Hooks::Update", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
