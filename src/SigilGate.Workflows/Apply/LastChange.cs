using SigilGate.Domain.Git;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Apply;

/// <summary>
/// When a file last changed: from a commit, back through a parent that holds the same content
/// (the first such parent), to the commit that brought the content in. A record without a version
/// sidecar is versioned by the commit that wrote it (that is what the apply recorded in etcd), not
/// by whatever later commit it is read at: dated by the tip, every unrelated commit would make the
/// record look newly changed, and a Core node's change on top of it concurrent. Following only
/// first parents would date by a merge whatever the merge took from its other side (a plain
/// <c>git pull</c> makes the operator's own commit the first parent): the gate, the pusher and the
/// apply would each see a change that nobody made, and a node's push would look stale forever.
/// The walk goes as far back as the content goes: the gate, the pusher and the apply must all date
/// a record by the same commit, whatever commit they start from. Cut short, the date would move
/// with every commit on the branch, away from the one the apply recorded in etcd, and a node's
/// change to a record left alone that long would look stale forever.
/// </summary>
public static class LastChange
{
    public static DateTimeOffset TimeOf(IRepositoryReader repository, CommitInfo commit, string path) =>
        TimesOf(repository, commit, [path])[path];

    /// <summary>
    /// <see cref="TimeOf"/> of each path, walked together: each commit on the way is looked at once for
    /// all the paths that reached it, so a folder of 100,000 records (4 MB) is read once per commit,
    /// not once per path and commit: a Core node's push of 100 such records walks once.
    /// </summary>
    public static IReadOnlyDictionary<string, DateTimeOffset> TimesOf(IRepositoryReader repository, CommitInfo commit, IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(commit);
        var wanted = paths.Distinct(StringComparer.Ordinal).ToList();
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (wanted.Count == 0) return times;

        var contents = repository.Files(commit.Sha, wanted);
        var walks = new Walks();
        walks.Add(commit, wanted.Select(path => new Walk(path, contents.Find(path)?.ObjectId)));
        while (walks.Next() is { } next)
        {
            var (current, remaining) = next;
            foreach (var parentSha in current.Parents)
            {
                if (remaining.Count == 0) break;
                var parent = repository.FindCommit(parentSha);
                var same = parent is null ? SameIn(repository, parentSha, remaining) : SameIn(repository, parent, current, remaining);
                if (same.Count == 0) continue;

                // The first parent holding the same content is the way back, even when it cannot be read (a shallow end).
                remaining = [.. remaining.Except(same)];
                if (parent is not null) walks.Add(parent, same);
                else foreach (var walk in same) times[walk.Path] = current.CommitterTime;
            }

            foreach (var walk in remaining) times[walk.Path] = current.CommitterTime;
        }

        return times;
    }

    /// <summary>
    /// The walks whose content <paramref name="parent"/> holds too. What <paramref name="commit"/> changed
    /// against it says most of that: a path it did not change holds the same content, unread. The
    /// Git reader keeps each commit's changes against its parents between runs, so a walk
    /// back through thousands of a Core node's commits reads its 100,000-record folder only at the
    /// commits that changed one of the walked records, not at every commit that changed the folder.
    /// </summary>
    private static List<Walk> SameIn(IRepositoryReader repository, CommitInfo parent, CommitInfo commit, List<Walk> walks)
    {
        var changed = repository.ChangedPaths(parent.Sha, commit.Sha).ToHashSet(StringComparer.Ordinal);
        var touched = walks.Where(walk => changed.Contains(walk.Path)).ToList();
        if (touched.Count == 0) return walks;

        // A changed path may still hold the same content (only its mode changed): its content decides.
        return [.. walks.Except(touched), .. SameIn(repository, parent.Sha, touched)];
    }

    private static List<Walk> SameIn(IRepositoryReader repository, string commitSha, List<Walk> walks)
    {
        var files = repository.Files(commitSha, walks.Select(walk => walk.Path));
        return [.. walks.Where(walk => files.Find(walk.Path)?.ObjectId == walk.Content)];
    }

    private sealed record Walk(string Path, string? Content);

    /// <summary>
    /// The commits walks have reached and not left yet, newest first: walks of different paths that meet
    /// at a commit are looked at together. The order only saves work; each walk is decided on its own.
    /// </summary>
    private sealed class Walks
    {
        private readonly Dictionary<string, (CommitInfo Commit, List<Walk> Walks)> _waiting = new(StringComparer.Ordinal);
        private readonly PriorityQueue<string, (DateTimeOffset Time, long Order)> _order = new(Comparer<(DateTimeOffset Time, long Order)>.Create((a, b) => a.Time != b.Time ? b.Time.CompareTo(a.Time) : a.Order.CompareTo(b.Order)));
        private long _added;

        public void Add(CommitInfo commit, IEnumerable<Walk> walks)
        {
            if (!_waiting.TryGetValue(commit.Sha, out var waiting))
            {
                waiting = (commit, []);
                _waiting[commit.Sha] = waiting;
                _order.Enqueue(commit.Sha, (commit.CommitterTime, _added++));
            }

            waiting.Walks.AddRange(walks);
        }

        public (CommitInfo Commit, List<Walk> Walks)? Next()
        {
            if (!_order.TryDequeue(out var sha, out _)) return null;
            _waiting.Remove(sha, out var next);
            return next;
        }
    }
}
