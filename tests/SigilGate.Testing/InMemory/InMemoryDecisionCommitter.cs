using SigilGate.Domain.Configuration;
using SigilGate.Domain.Gate;
using SigilGate.Domain.Git;
using SigilGate.Domain.Mirror;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Apply;
using SigilGate.Workflows.Gate;
using SigilGate.Workflows.Ports;

namespace SigilGate.Testing.InMemory;

/// <summary>
/// A decision committed into an <see cref="InMemoryRepository"/> and offered to its branch as a
/// push to the hooked bare repository would be: a fast-forward or rejected as git rejects it, then
/// the gate's verdict, then the apply (pending when the store is unavailable, as post-receive leaves it).
/// </summary>
public sealed class InMemoryDecisionCommitter(InMemoryRepository repository, IKeyValueStore store, KeyLayout keys, TimeProvider clock, string branch = "main") : IDecisionCommitter
{
    private readonly Queue<Action<InMemoryRepository>> rivals = new();

    public int Offers { get; private set; }

    /// <summary>Runs <paramref name="rival"/> (someone else's push) just before the next offer reaches the branch.</summary>
    public void BeforeNextOffer(Action<InMemoryRepository> rival) => rivals.Enqueue(rival);

    public string WriteCommit(string parentSha, IReadOnlyList<FileChange> changes, string message, string identity, DateTimeOffset time) =>
        repository.CommitOn([parentSha], message, [.. changes.Select(c => (TreeChange)(c.Path, c.Content))]);

    public async Task<PushOutcome> OfferAsync(string commitSha, string identity, CancellationToken cancellationToken = default)
    {
        Offers++;
        if (rivals.TryDequeue(out var rival)) rival(repository);
        var tip = repository.BranchTip(branch);
        if (repository.FindCommit(commitSha)?.FirstParent != tip) return new PushOutcome(PushStatus.Rejected, $"!\t{commitSha}:refs/heads/{branch}\t[rejected] (non-fast-forward)");

        var verdict = new ReceiveGate(repository, new SigilSettings { Branch = branch }).Check(new ReceivedPush([new RefUpdate(tip ?? RefUpdate.ZeroSha, commitSha, $"refs/heads/{branch}")], identity, []));
        if (!verdict.Accepted) return new PushOutcome(PushStatus.Refused, string.Join('\n', verdict.Errors.Select(e => $"remote: sigil: error: {e}")));

        repository.SetBranch(branch, commitSha);
        try
        {
            await new Applier(repository, store, keys, StoreLimits.Default, clock).ApplyAsync(commitSha, repository, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new PushOutcome(PushStatus.Accepted, "");
        }
        catch (StoreUnavailableException unavailable)
        {
            return new PushOutcome(PushStatus.Accepted, $"remote: sigil: {unavailable.Message}: apply of {commitSha[..7]} is pending");
        }
    }
}
