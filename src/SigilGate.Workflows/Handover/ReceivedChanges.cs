using SigilGate.Workflows.Apply;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Handover;

/// <summary>
/// What pre-receive worked out about an update of the protected branch from <see cref="Old"/> to
/// <see cref="New"/>, for post-receive's apply of the same update: the paths that differ and, for
/// them and the files the apply reads beside them (<see cref="CommitTargets.PathsRead"/>), the file
/// each commit holds. All of it follows from the two commit ids alone (their trees never change),
/// so it is true for exactly that pair whatever else happens; the blobs themselves are read from Git.
/// On a 100,000-entry folder it spares post-receive reading both 4 MB tree objects again.
/// </summary>
public sealed record ReceivedChanges(string Old, string New, IReadOnlyList<ReceivedEntry> Entries)
{
    private readonly Dictionary<string, ReceivedEntry> _byPath = Entries.ToDictionary(e => e.Path, StringComparer.Ordinal);

    /// <summary>The paths that differ, in the order the reader gave them.</summary>
    public IReadOnlyList<string> ChangedPaths { get; } = Entries.Where(e => e.Changed).Select(e => e.Path).ToList();

    /// <summary>Reads what the update from <paramref name="oldSha"/> to <paramref name="newSha"/> changes (the reader's diff, usually made already).</summary>
    public static ReceivedChanges Of(IRepositoryReader repository, string oldSha, string newSha)
    {
        var changed = repository.ChangedPaths(oldSha, newSha);
        var paths = changed.Concat(CommitTargets.PathsRead(changed)).Distinct(StringComparer.Ordinal).ToList();
        var before = repository.Files(oldSha, paths);
        var after = repository.Files(newSha, paths);
        var isChanged = changed.ToHashSet(StringComparer.Ordinal);
        return new ReceivedChanges(oldSha, newSha, paths.Select(p => new ReceivedEntry(p, isChanged.Contains(p), KnownFile.Of(before.Find(p)), KnownFile.Of(after.Find(p)))).ToList());
    }

    /// <summary>Whether every one of <paramref name="paths"/> is known on both sides.</summary>
    public bool Covers(IEnumerable<string> paths) => paths.All(_byPath.ContainsKey);

    /// <summary>The file <paramref name="commitSha"/> (<see cref="Old"/> or <see cref="New"/>) holds at a known path, or null when it holds none.</summary>
    public KnownFile? At(string commitSha, string path)
    {
        var entry = _byPath[path];
        return commitSha == Old ? entry.Old : commitSha == New ? entry.New : throw new ArgumentException($"commit {commitSha} is neither side of these changes", nameof(commitSha));
    }
}
