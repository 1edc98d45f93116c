using SigilGate.Domain.Git;
using SigilGate.Domain.Mirror;
using SigilGate.Domain.Records;
using SigilGate.Domain.Status;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Status;

/// <summary>
/// Each Core node of the tip's <c>nodes/core/</c> and the newest commit whose <c>Sigil-Node</c>
/// trailer names it: the history is walked newest first (by committer time, through every parent, so
/// a node's commits behind an operator's merge are found too), one commit at a time, and stops once
/// every node is found or after <c>limit</c> commits, so a long history costs no more than that.
/// </summary>
public static class LastMirrorReader
{
    /// <summary>How many commits <c>sigil status</c> reads at most to find the last mirrors.</summary>
    public const int DefaultLimit = 5000;

    // PriorityQueue dequeues the smallest first: reversed, it gives the newest commit first, as git log does.
    private static readonly Comparer<DateTimeOffset> NewestFirst = Comparer<DateTimeOffset>.Create((a, b) => b.CompareTo(a));

    public static LastMirrors Read(IRepositoryReader repository, CommitInfo? tip, int limit = DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (tip is null) return LastMirrors.None;
        var cores = repository.ListFolder(tip.Sha, "nodes/core").Files
            .Select(f => RecordPath.Parse(f.Path))
            .Where(p => p.Kind == RecordKind.CoreNode && p.Id is not null)
            .Select(p => p.Id!)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (cores.Count == 0) return LastMirrors.None;

        var wanted = cores.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, CommitInfo>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { tip.Sha };
        var queue = new PriorityQueue<CommitInfo, DateTimeOffset>(NewestFirst);
        queue.Enqueue(tip, tip.CommitterTime);
        var searched = 0;
        while (found.Count < wanted.Count && searched < limit && queue.TryDequeue(out var commit, out _))
        {
            searched++;
            foreach (var node in CommitTrailers.Values(commit.Message, MirrorCommitMessage.NodeTrailer))
            {
                if (wanted.Contains(node)) found.TryAdd(node, commit);
            }

            foreach (var parent in commit.Parents.Where(seen.Add).Select(repository.FindCommit).OfType<CommitInfo>())
            {
                queue.Enqueue(parent, parent.CommitterTime);
            }
        }

        var complete = found.Count == wanted.Count || queue.Count == 0;
        return new LastMirrors(cores.Select(c => new CoreMirror(c, found.GetValueOrDefault(c))).ToList(), searched, complete);
    }
}
