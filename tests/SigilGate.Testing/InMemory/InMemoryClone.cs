using SigilGate.Domain.Mirror;
using SigilGate.Workflows.Ports;

namespace SigilGate.Testing.InMemory;

/// <summary>
/// A Core node's clone of a branch of an <see cref="InMemoryRepository"/> (the remote; the clone
/// shares its objects). A push is a fast-forward of the remote branch or is rejected as git rejects
/// it; specs play what else the remote can answer: a rival push landing first (<see cref="BeforeNextPush"/>),
/// a refusal (<see cref="RefuseNextPush"/>), the gate's rejection of a stale version (<see cref="RejectNextPush"/>).
/// </summary>
public sealed class InMemoryClone(InMemoryRepository remote, string branch) : IWorkingClone
{
    private readonly SortedDictionary<string, string?> written = new(StringComparer.Ordinal);
    private readonly Queue<Func<PushOutcome?>> beforePushes = new();
    // A clone starts at the remote branch's tip, as 'git clone' leaves it.
    private string? head = remote.BranchTip(branch);

    // The remote tip the local commits were made on (what a rebase replays them from).
    private string? synced = remote.BranchTip(branch);

    public InMemoryRepository Remote => remote;

    public int Syncs { get; private set; }

    public int Pushes { get; private set; }

    public int Rebases { get; private set; }

    /// <summary>How many times the clone's repository was opened for reading.</summary>
    public int Opens { get; private set; }

    /// <summary>Messages of the commits the clone made, in order.</summary>
    public List<string> CommitMessages { get; } = [];

    /// <summary>Runs <paramref name="rival"/> (a push by someone else) just before the next push reaches the remote.</summary>
    public void BeforeNextPush(Action<InMemoryRepository> rival) => beforePushes.Enqueue(() =>
    {
        rival(remote);
        return null;
    });

    /// <summary>The next push is refused for good, with the server's <paramref name="messages"/>.</summary>
    public void RefuseNextPush(string messages) => beforePushes.Enqueue(() => new PushOutcome(PushStatus.Refused, messages));

    /// <summary>The next push is rejected as a race (the gate's stale-version rejection with its rebase hint).</summary>
    public void RejectNextPush(string messages) => beforePushes.Enqueue(() => new PushOutcome(PushStatus.Rejected, messages));

    public Task SyncToRemoteAsync(CancellationToken cancellationToken = default)
    {
        Syncs++;
        head = synced = remote.BranchTip(branch);
        written.Clear();
        return Task.CompletedTask;
    }

    /// <summary>The remote's objects; disposing the view leaves them.</summary>
    public IRepositoryReader Open()
    {
        Opens++;
        return remote;
    }

    public string Head() => head ?? throw new InvalidOperationException("the clone has no commit");

    public Task WriteAsync(IReadOnlyList<FileChange> changes, CancellationToken cancellationToken = default)
    {
        foreach (var change in changes) written[change.Path] = change.Content;
        return Task.CompletedTask;
    }

    public Task CommitAsync(string message, CancellationToken cancellationToken = default)
    {
        head = remote.CommitOn(head is null ? [] : [head], message, [.. written.Select(w => (TreeChange)(w.Key, w.Value))]);
        written.Clear();
        CommitMessages.Add(message);
        return Task.CompletedTask;
    }

    public Task<PushOutcome> PushAsync(string identity, CancellationToken cancellationToken = default)
    {
        Pushes++;
        if (beforePushes.TryDequeue(out var before) && before() is { } scripted) return Task.FromResult(scripted);
        var tip = remote.BranchTip(branch);
        if (tip is not null && !remote.IsAncestor(tip, Head()))
        {
            return Task.FromResult(new PushOutcome(PushStatus.Rejected, $"!\trefs/heads/{branch}:refs/heads/{branch}\t[rejected] (fetch first)"));
        }

        remote.SetBranch(branch, Head());
        synced = head;
        return Task.FromResult(new PushOutcome(PushStatus.Accepted, ""));
    }

    /// <summary>Replays the local commits on the remote tip; false (nothing changed) when the remote changed a file they change.</summary>
    public Task<bool> PullRebaseAsync(CancellationToken cancellationToken = default)
    {
        Rebases++;
        var tip = remote.BranchTip(branch) ?? throw new InvalidOperationException($"the remote has no branch {branch}");
        var local = remote.FirstParentChain(synced, Head());
        var theirs = synced is null ? [] : remote.ChangedPaths(synced, tip).ToHashSet(StringComparer.Ordinal);
        var onto = tip;
        foreach (var commit in local)
        {
            var ours = remote.ChangedPaths(commit.FirstParent, commit.Sha);
            if (ours.Any(theirs.Contains)) return Task.FromResult(false);
            var texts = remote.TextsAt(commit.Sha);
            onto = remote.CommitOn([onto], remote.Commits.Single(c => c.Sha == commit.Sha).Message, [.. ours.Select(p => (TreeChange)(p, texts.GetValueOrDefault(p)))]);
        }

        head = onto;
        synced = tip;
        return Task.FromResult(true);
    }
}
